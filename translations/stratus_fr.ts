<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DataStore</name>
    <message>
        <source>Observing with a predicate needs a model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stratus</name>
    <message>
        <source>No error</source>
        <translation>Aucune erreur</translation>
    </message>
    <message>
        <source>Validation error</source>
        <translation>Erreur de validation</translation>
    </message>
    <message>
        <source>Condition error</source>
        <translation>Erreur de condition</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Erreur réseau</translation>
    </message>
    <message>
        <source>Storage error</source>
        <translation>Erreur de stockage</translation>
    </message>
    <message>
        <source>Schema error</source>
        <translation>Erreur de schéma</translation>
    </message>
    <message>
        <source>State error</source>
        <translation>Erreur d&apos;état</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>contains, notContains, and eq or ne with null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eq or ne with null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2.%3 needs a value, not null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare %1.%2 (%3) with %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation field %1.%2 cannot be compared; compare its key fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model %1 has no field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator %1 does not apply to %2.%3 (%4); it allows %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 (%3) can only be compared with null by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2.%3 needs a list of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between on %1.%2 needs exactly two bounds, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not apply to the list of %2 %3.%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot look for %1 in %2.%3 (%4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid filter at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a filter object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object of operators such as {&quot;eq&quot;: ...}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no operator given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the operator %1 is not supported by Stratus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown operator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly two bounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a single value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid filter JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value of type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ID cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ID (a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a String</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an enum value (a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Int (a whole number from -2147483648 to 2147483647)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an AWSTimestamp (whole seconds since 1970)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Float (a finite number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Boolean (true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSDate (YYYY-MM-DD with an optional zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSTime (hh:mm[:ss[.sss]] with an optional zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSDateTime (YYYY-MM-DDThh:mm[:ss[.sss]] and a zone such as Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSEmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSURL (an absolute URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSPhone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWSIPAddress (IPv4 or IPv6, optionally with /prefix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid AWSJSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be stored in this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the schema file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema file %1 is larger than 16 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid type name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enum %1 has the name of a built-in scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type %1 is defined twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enum %1 has no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value of the enum %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enum %1 lists %2 twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type %1 has the name of a built-in scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid field name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field name %1 is reserved for sync metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 is defined twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 must have type %3 because a relation uses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@manyToMany needs a relationName that is a valid type name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The @manyToMany relation %1 must be declared on exactly two fields, one in each model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two sides of the @manyToMany relation %1 must point at each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The @manyToMany relationName %1 names an existing type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The non-model type %1 cannot have keys or indexes; add @model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type %1 has no fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>createdAt and updatedAt of %1 must be different fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid timestamp field name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp field %1.%2 must have type AWSDateTime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relations are only allowed in @model types, not in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 must point at a @model type, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 must not be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 needs %3 field(s) to hold the key of %4, got %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 names the field %3, which %1 does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 must have type %3 to hold %4.%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 needs %3 field(s) in %4 to hold the key of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 needs the field %3.%4 of type %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relation %1.%2 names the index %3, which %4 does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index %1 of %2 has fewer fields than the relation %3.%4 needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@hasMany(fields:) needs an indexName on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing join model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary key of %1 names the field %2, which does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary key of %1 names %2 twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key field %1.%2 must be a scalar or enum, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key field %1.%2 must be required (%3!)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid index name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index %1 of %2 is defined twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index %1 has no fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index %1 of %2 names the field %3, which does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index %1 cannot use %2.%3: only scalar and enum fields can be indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema declares no type with @model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 has the model type %3 but no @hasMany, @hasOne, @belongsTo or @manyToMany directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 has the unknown type %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1(%2:) must be a list of field names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1 needs the argument %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1(%2:) must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extending the enum %1 is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extending the type %1 is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@model(timestamps:) knows createdAt and updatedAt, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@model(timestamps: {%1:}) must be a field name or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@model(timestamps:) must be an object or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 has the type %3; lists of lists are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type %1 has more than one @primaryKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 has more than one relation directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1 is the Amplify transformer v1 syntax; use @primaryKey, @index, @hasMany, @hasOne, @belongsTo or @manyToMany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is being cleared; try again when clear() has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store has no schema; call setSchema() or loadSchema()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema has no model %1</source>
        <translation>Le schéma n&apos;a pas de modèle %1</translation>
    </message>
    <message>
        <source>%1 has the composite key (%2): give a map with every key field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid key %1.%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of %1 needs the field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a key field of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema can only change while the store is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database path can only change while the store is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The durability can only change while the store is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 record is invalid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page needs a limit (page %1 without a limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page and limit cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sort %1 by %2: only scalar and enum fields sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sort %1 by %2: the model has no such field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove an invalid record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is being cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clear() is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy an invalid record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1.%2 is read-only: the store sets it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary key field %1.%2 of a stored record cannot change; save a new record and remove this one instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Stratus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored %1 does not match the save condition %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The save condition %1 needs a stored %2, and there is none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Querying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored %1 does not match the remove condition %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be an object of type %3, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is required</source>
        <translation>%1.%2 est obligatoire</translation>
    </message>
    <message>
        <source>%1.%2 must be a list of %3, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 cannot hold null items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is a relation; set its key fields (%3) instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is invalid (it has no model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key field %1.%2 cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 belongs to a %3: set %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 record takes %2 bytes; at most %3 can sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sort %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stratus::GraphQL</name>
    <message>
        <source>the end of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid character %1 in a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &quot;...&quot; but found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number: a leading zero must not be followed by a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number: expected a digit but found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number: expected a digit after &quot;.&quot; but found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number: expected a digit in the exponent but found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number: unexpected %1 after a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid escape sequence: &quot;\&quot; followed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid escape sequence &quot;\%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence &quot;%1&quot;: beyond U+10FFFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence &quot;%1&quot;: a surrogate is not a character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence &quot;%1&quot;: a lone surrogate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid character %1 in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated block string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid character %1 in a block string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has too many tokens (more than %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is nested too deeply (more than %1 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string &quot;%1...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected end of document, expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 but found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is empty, expected a definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a type-system definition after the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operation or fragment is not allowed in a type-system document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A type-system definition is not allowed in an executable document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fragment name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a type name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a variable definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a variable definition or &quot;)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a selection set (&quot;{&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a selection or &quot;}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fragment name, &quot;on&quot; or a selection set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field name after the alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an argument or &quot;)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directive name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a constant value but found a variable (variables are not allowed in default values and type-system directives)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value or &quot;]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object field or &quot;}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a type-system definition after the description but found &quot;extend&quot;: extensions cannot have a description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema, scalar, type, interface, union, enum or input after &quot;extend&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;implements&quot;, a directive or &quot;{&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directive or &quot;=&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directive or &quot;{&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an input field definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;query&quot;, &quot;mutation&quot; or &quot;subscription&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;query&quot;, &quot;mutation&quot;, &quot;subscription&quot; or &quot;}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an argument definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directive location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an interface name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member type name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field definition after the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field definition or &quot;}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an enum value after the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an enum value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an enum value or &quot;}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an enum value but found &quot;%1&quot;, which cannot be an enum value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is too long (%1 characters, at most %2 allowed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stratus::QmlDataStore</name>
    <message>
        <source>A filter must be an object or JSON text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema has no model %1</source>
        <translation type="unfinished">Le schéma n&apos;a pas de modèle %1</translation>
    </message>
</context>
</TS>
