#!/usr/bin/env node
// Generates pluralize.tsv, the expected output of tst_pluralize: one "word<TAB>plural" line per
// word, where plural is what the npm package `pluralize` 8.0.0 (the one Amplify codegen and the
// AppSync GraphQL transformer use) returns for the word.
//
// To regenerate:
//   mkdir -p /tmp/pl && cd /tmp/pl && npm init -y >/dev/null && npm install pluralize@8.0.0
//   NODE_PATH=/tmp/pl/node_modules node tests/auto/schema/data/make-pluralize-tsv.js \
//       > tests/auto/schema/data/pluralize.tsv
// (or run it from /tmp/pl without NODE_PATH: node /path/to/make-pluralize-tsv.js > ...)
//
// The words are: every word and regex fragment of pluralize's own rule tables (read from its
// source), several hundred typical GraphQL model names, CamelCase compounds of them, their
// lower/UPPER/Capitalized variants, words already plural, and a few non-ASCII words.
'use strict';

const fs = require('fs');
const path = require('path');

// pluralize from NODE_PATH, or else from the node_modules of the current directory.
let load = require;
try {
    require.resolve('pluralize');
} catch {
    load = require('module').createRequire(path.join(process.cwd(), 'index.js'));
}
const pluralize = load('pluralize');

const version = load('pluralize/package.json').version;
if (version !== '8.0.0') {
    console.error(`expected pluralize 8.0.0, found ${version}`);
    process.exit(1);
}

const words = new Set();
const add = (w) => {
    if (typeof w === 'string' && w.length > 0 && !/[\t\n\r]/.test(w))
        words.add(w);
};

// 1. Words and regex fragments of pluralize's own tables, read from its source.
const source = fs.readFileSync(load.resolve('pluralize'), 'utf8');
const tableWords = new Set();
for (const m of source.matchAll(/'([A-Za-z]+)'/g))
    tableWords.add(m[1]);
// Alternatives inside the rule regexes, e.g. (alumn|syllab|vir) → alumn, syllab, vir.
const stems = new Set();
for (const m of source.matchAll(/\/([^/\n]+)\/i/g)) {
    for (const part of m[1].split(/[()|?:^$\\[\]]+/)) {
        if (/^[a-z]{2,}$/.test(part))
            stems.add(part);
    }
}
const endings = ['', 'a', 'um', 'us', 'i', 'on', 'ix', 'ex', 'o', 'is', 's', 'y', 'ey', 'fe',
                 'ouse', 'man', 'eau', 'ese'];
// Stems with endings are added after the case variants below (lowercase only, or the file
// would grow past what a test should read).
const stemWords = [];
for (const stem of stems) {
    for (const ending of endings)
        stemWords.push(stem + ending);
}
for (const w of tableWords)
    add(w);
const ruleWords = [
    // One or more words for each plural rule and each uncountable pattern.
    'alias', 'status', 'bus', 'virus', 'campus', 'bonus', 'atlas', 'gas', 'iris', 'chris', 'axis',
    'testis', 'emu', 'emus', 'menu', 'menus', 'venue', 'gnu', 'bias', 'ideas', 'las', 'canvas',
    'pajamas', 'ajax', 'jeans', 'villas', 'dilemma', 'cinema', 'diagram', 'program', 'vacuum',
    'forum', 'museum', 'album', 'stadium', 'podium', 'premium', 'medium', 'criterion', 'automaton',
    'phenomenon', 'polyhedron', 'organon', 'hero', 'potato', 'tomato', 'grotto', 'photo', 'piano',
    'auto', 'zero', 'halo', 'studio', 'video', 'radio', 'logo', 'memo', 'demo', 'repo', 'info',
    'analysis', 'basis', 'crisis', 'thesis', 'diagnosis', 'synopsis', 'emphasis', 'knife', 'wife',
    'life', 'midwife', 'housewife', 'penknife', 'afterlife', 'wolf', 'half', 'calf', 'leaf',
    'sheaf', 'shelf', 'elf', 'loaf', 'hoof', 'scarf', 'dwarf', 'roof', 'chief', 'belief', 'chef',
    'cliff', 'safe', 'giraffe', 'city', 'party', 'query', 'entry', 'category', 'story', 'key',
    'day', 'boy', 'guy', 'toy', 'money', 'monkey', 'honey', 'valley', 'alley', 'trolley', 'jockey',
    'chimney', 'journey', 'attorney', 'soliloquy', 'colloquy', 'box', 'fox', 'tax', 'index',
    'apex', 'suffix', 'church', 'watch', 'match', 'batch', 'branch', 'class', 'pass', 'address',
    'business', 'wish', 'dish', 'hash', 'buzz', 'fizz', 'quiz', 'whiz', 'matrix', 'codex',
    'murex', 'silex', 'vertex', 'vortex', 'appendix', 'mouse', 'house', 'louse', 'titmouse',
    'dormouse', 'blouse', 'spouse', 'person', 'salesperson', 'people', 'child', 'grandchild',
    'children', 'plateau', 'bureau', 'chateau', 'beau', 'man', 'woman', 'human', 'german',
    'shaman', 'talisman', 'caiman', 'ottoman', 'roman', 'batman', 'superman', 'doberman',
    'thou', 'pokemon', 'pokémon', 'chinese', 'japanese', 'portuguese', 'cheese', 'geese',
    'deer', 'reindeer', 'fish', 'blowfish', 'angelfish', 'goldfish', 'measles', 'carnivorous',
    'famous', 'previous', 'various', 'chickenpox', 'smallpox', 'pox', 'sheep', 'thief',
    'proof', 'chaos', 'lens', 'gas', 'yes', 'die', 'dice', 'axe', 'ax', 'pickax', 'pickaxe',
    'passerby', 'looey', 'groove', 'carve', 'valve', 'eave', 'tooth', 'foot', 'goose', 'ox',
    'oxen', 'genus', 'viscus', 'stigma', 'stoma', 'dogma', 'lemma', 'schema', 'schemas',
    'anathema', 'echo', 'dingo', 'volcano', 'tornado', 'torpedo', 'I', 'me', 'he', 'she', 'them',
    'myself', 'is', 'was', 'has', 'this', 'that', 'those', 'these', 'we', 'us', 'they', 'you',
];
for (const w of ruleWords)
    add(w);

// 2. Typical GraphQL model names and the field names built from them.
const models = `
Todo Task TodoList TodoItem Category Person Post Comment Blog Status Address Child Company
Analysis Index Matrix Vertex Datum Data Media Series News Quiz Box Bus Hero Photo Leaf Wife Life
Knife Man Woman Tooth Mouse Ox Criterion Alumnus Cactus Octopus Fish Sheep Deer Equipment
Information Money Rice Feedback Metadata UserProfile BlogPost OrderItem PostTag PostTags User
Users Account Profile Organization Team Member Membership Role Permission Group Project Board
Column Card Sprint Issue Ticket Epic Story Milestone Release Version Build Deployment Pipeline
Job Run Step Stage Environment Secret Token Session Device Notification Message Chat Channel
Thread Reply Reaction Attachment File Folder Document Image Video Audio Song Album Artist
Playlist Track Podcast Episode Movie Show Season Actor Director Genre Review Rating Like Follow
Follower Friend Friendship Invitation Invite Event Calendar Schedule Appointment Meeting Room
Venue Location Place City Country Region State Province Zip Coordinate Geo Map Route Trip
Journey Ride Driver Vehicle Car Truck Fleet Shipment Package Parcel Delivery Order Cart
CartItem Product ProductVariant Inventory Stock Warehouse Supplier Vendor Customer Client
Invoice Payment Refund Transaction Subscription Plan Price Discount Coupon Tax Fee Currency
Wallet Bank Loan Budget Expense Income Report Dashboard Metric Analytic Statistic Chart Graph
Survey Question Answer Option Choice Poll Vote Ballot Candidate Election Course Lesson Class
Student Teacher Grade Score Exam Test Assignment Homework Course Enrollment School University
Campus Library Book Author Publisher Chapter Page Article Journal Newsletter Magazine Recipe
Ingredient Menu Dish Restaurant Table Reservation Dessert Beverage Coffee Tea Pizza Potato
Tomato Cherry Berry Strawberry Peach Batch Branch Match Watch Sketch Search Wish Crash Flash
Hash Fax Tax Suffix Prefix Box Inbox Outbox Sandbox Mailbox Checkbox Process Access Address
Business Class Glass Boss Kiss Pass Gas Bias Alias Atlas Canvas Virus Bonus Campus Census
Corpus Focus Fungus Nucleus Radius Stimulus Syllabus Terminus Genus Apex Codex Appendix Vortex
Helix Pixel Axis Thesis Crisis Diagnosis Hypothesis Synopsis Basis Oasis Ellipsis Emphasis
Parenthesis Curriculum Memorandum Medium Stadium Forum Museum Aquarium Bacterium Millennium
Phenomenon Automaton Polyhedron Schema Stigma Dogma Lemma Formula Antenna Vertebra Alga Larva
Nebula Cherub Seraph Tornado Volcano Torpedo Echo Veto Potato Zero Piano Studio Radio Logo
Memo Demo Repo Ego Halo Buffalo Mango Hippo Kilo Auto Info Avocado Burrito Taco Calf Half
Wolf Shelf Elf Self Loaf Thief Chief Belief Roof Proof Hoof Scarf Dwarf Cliff Staff Chef
Giraffe Safe Café Goose Foot Louse Dormouse Spouse Blouse Salesperson Chairperson Grandchild
Human German Shaman Fireman Policeman Chairman Workman Caveman Batman Superman Roman Ottoman
Walrus Platypus Hippopotamus Rhinoceros Moose Elk Bison Salmon Trout Tuna Shrimp Mackerel
Swine Pokemon Pokémon Chinese Japanese Portuguese Cheese Reindeer Goldfish Measles Smallpox
Species Headquarters Police Personnel Software Hardware Firmware Music Traffic Research
Advice Aircraft Agenda Analytics Anime Athletics Energy Expertise Health Justice Literature
Machinery Mail Rain Sewage Welfare Wealth Wildlife Chassis Corps Debris Diabetes Scissors
Pliers Jeans Premises Tennis Chess Cash Commerce Clothing Garbage Graffiti Blood Butter
Alcohol Ammo Adulthood Cooperation Digestion Excretion Pollution Transportation Mews Kudos
Shambles Gallows Herpes Highjinks Homework Housework Labour Plankton Flounder Bream Carp Cod
Pike Whiting Wildebeest Manga Only Fun Mud Aid Me You Thou Yes Die Dice Axe Pickaxe Passerby
Looey Groove Carve Valve Eave Quizzes Echoes Emu Menu Venue Gnu Guru Tofu Haiku Tutu Sudoku
Key Day Way Boy Guy Toy Survey Monkey Honey Jockey Chimney Journey Attorney Valley Alley
Trolley Kidney Donkey Turkey Hockey Volley Galley Pulley Money Query Entry Registry Directory
Repository Company Activity Property Policy Strategy Agency Currency Frequency Community
Facility Utility Identity Entity Priority Capability Ability Quantity Capacity Opportunity
Territory Inventory Factory Battery Gallery Delivery Salary Summary Glossary Dictionary
Vocabulary Boundary Secretary Diary Library Ally Fly Spy Guy Buy Reply Supply Apply Soliloquy
Colloquy Obloquy Plateau Bureau Chateau Tableau Beau Gateau Portmanteau Eau Lens Chaos Iris
Gas Bus Kudos Cosmos Pathos Ethos Atlas Paris Lotus Octopus Status Apparatus Hiatus Prospectus
Sinus Uterus Locus Bacillus Cactus Stratum Desideratum Addendum Datum Extremum Erratum Ovum
Symposium Quorum Criterion Aphelion Perihelion Noumenon Organon Prolegomenon Hyperbaton
Asyndeton Alumna Algae Vertebrae Matrices Indices Vertices Appendices People Children Men
Women Mice Lice Teeth Feet Geese Oxen Data Criteria Phenomena Alumni Cacti Fungi Nuclei Radii
Stimuli Syllabi Analyses Crises Theses Diagnoses Knives Wives Lives Wolves Leaves Halves
Calves Shelves Elves Loaves Hooves Scarves Thieves Heroes Potatoes Tomatoes Volcanoes
Categories Companies Cities Parties Stories Queries Entries Keys Days Boys Boxes Buses
Classes Addresses Statuses Aliases Churches Wishes Buzzes Todos Posts Comments Tags Users
Blogs Photos Videos Radios Studios Zeros Pianos Memos Chefs Roofs Proofs Cliffs Beliefs
Chiefs Cafés Bureaus Bureaux Plateaux Tableaux Schemas Schemata Stigmata Genera Viscera
Quizzes Echoes Dingoes Torpedoes Tornadoes Yeses Dice Passersby Looies We Us They Them These
Those Are Were Have Ourselves Yourselves Themselves
`.split(/\s+/).filter(Boolean);

const compounds = `
UserProfile BlogPost OrderItem TodoList PostTag PostTags PostEditor UserGroup GroupMember
TeamMember ProjectTask TaskComment ChatMessage ChatRoom RoomMember ProductCategory
ProductImage ProductReview CustomerAddress ShippingAddress BillingAddress PaymentMethod
PaymentStatus OrderStatus TaskStatus DeliveryStatus ShoppingCart CartItem WishListItem
InvoiceLineItem LineItem AuditLog ActivityLog EventLog ErrorLog AccessPolicy SecurityPolicy
ApiKey AccessToken RefreshToken DeviceToken PushNotification EmailTemplate SmsMessage
UserSettings AppSettings FeatureFlag UserPreference NotificationPreference BlogCategory
PostCategory NewsArticle NewsItem MediaFile MediaAsset VideoSeries TvSeries TimeSeries
DataPoint DataSet Dataset SensorData SensorDatum WeatherData Metadatum MetaData
StudentAnalysis RiskAnalysis SearchIndex InvertedIndex GraphVertex RotationMatrix
PersonalInfo ContactInfo ContactPerson SalesPerson Salesperson Spokesperson Businessman
Businesswoman Fisherman Snowman Postman Craftsman Sportsman Gentleman Alderman Chairman
Freshman Workman ChildNode ParentChild Grandchild StepChild FamilyMember HouseholdMember
SchoolClass ClassRoom Classroom OfficeHours BusinessHours WorkHours OpeningHours MenuItem
RecipeStep RecipeIngredient KitchenKnife WolfPack GoldLeaf TeaLeaf FigLeaf MapLeaf
HalfLife WildLife Wildlife NightLife Afterlife Housewife Midwife PocketKnife Penknife
FieldMouse ComputerMouse Dormouse Titmouse BookShelf Bookshelf SelfStudy
PhotoAlbum HeroBanner HeroSection PotatoChip ZeroDay EchoServer RadioStation
StatusUpdate StatusCode HttpStatus BusStop BusRoute SchoolBus Omnibus Minibus Airbus Syllabus
CourseSyllabus CampusBuilding UniversityCampus VirusScan ComputerVirus BonusPoint SignupBonus
GasStation NaturalGas WorldAtlas AtlasMap IrisScan TestCase UnitTest TestSuite TestAxis
ChartAxis XAxis YAxis ZAxis Emu Menu MainMenu SubMenu ContextMenu DropdownMenu EventVenue
ProjectIdea SocialMedia MultiMedia Multimedia MediaType NewsFeed PokemonCard PokémonCard
ChineseCharacter JapaneseWord CheeseBoard SwissCheese ReindeerGame Goldfish StarFish
Starfish JellyFish Jellyfish Swordfish Catfish Shellfish BlackSheep Sheepdog FishTank
DataAnalysis BigData RawData UserData CarbonCopy TaxReturn TaxCode FaxNumber Inbox
Outbox Sandbox Mailbox SearchBox CheckBox Checkbox Lockbox JukeBox ProcessStep SubProcess
AccessKey DirectAccess MacAddress IpAddress EmailAddress WebAddress AddressBook
BusinessUnit SmallBusiness HighClass FirstClass SubClass Superclass GlassDoor BossFight
BoardingPass Bypass Compass Byproduct DeviceStatus ChurchEvent WatchList Stopwatch Smartwatch
BranchOffice GitBranch BatchJob SearchQuery SavedSearch Match TennisMatch CricketMatch
SketchBook Wish WishList Dish SideDish Hash PasswordHash Crash CrashReport Flash FlashCard
Buzz Quiz PopQuiz TriviaQuiz QuizQuestion QuizAnswer Fizz FizzBuzz Whiz Jazz Topaz Waltz
MatrixRow CodexEntry SilexTool Murex Appendix BookAppendix Vertex Vortex Index Complex
Reflex Annex Duplex Helix Remix Suffix Prefix Matrix Cortex Latex Codex Simplex Apex
Person Persona Personnel PersonName People Peoples Child Children Childs Man Men Woman Women
Human Humans Ottoman Batman Superman Spiderman Hangman Caiman Shaman Talisman Doberman
German Roman Walkman Pacman Ombudsman Layman Chairmen Walrus
`.split(/\s+/).filter(Boolean);

const allCaps = `
API URL URI FAQ SKU ID UUID IP DNS CDN SSL TLS HTTP HTTPS JSON XML CSV PDF HTML CSS JS SDK CLI
GUI UI UX CEO CTO CFO VP HR IT QA KPI OKR ROI SLA SLO SMS MMS OTP PIN ATM VAT GST TAX FAX BOX
BUS VIRUS STATUS ADDRESS CLASS CITY CATEGORY PERSON CHILD MAN WOMAN HERO PHOTO LEAF WIFE KNIFE
MOUSE OX QUIZ FISH SHEEP DEER NEWS SERIES MEDIA DATA DATUM INDEX MATRIX VERTEX ANALYSIS
CRISIS CRITERION ALUMNUS CACTUS OCTOPUS TODO POST COMMENT BLOG USER ORDER ITEM TAG KEY DAY
MONEY QUERY ENTRY ECHO TOOTH FOOT GOOSE I ME YOU THOU IS WAS HAS THIS THAT YES
FAQS APIS URLS IDS SKUS ATMS IPS DNSES FAQItem APIKey URLPath SKUCode IDToken JSONData
XMLDocument HTMLPage PDFFile CSVExport SMSMessage OTPCode HTTPRequest IPAddress SSLCertificate
DNSRecord CDNEndpoint QAReport KPIMetric ROIAnalysis UXResearch UIComponent
`.split(/\s+/).filter(Boolean);

const prefixes = ['User', 'Blog', 'Order', 'Project', 'Team', 'App', 'my', 'sub', 'Meta', 'Admin'];
const base = [...models, ...compounds, ...allCaps];
for (const w of base)
    add(w);

// Case variants of every word so far.
const variants = (w) => [w, w.toLowerCase(), w.toUpperCase(),
                         w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()];
for (const w of [...words])
    variants(w).forEach(add);

stemWords.forEach(add);

// CamelCase compounds: a prefix in front of a model name, and camelCase field-name forms.
models.forEach((w, i) => {
    add(prefixes[i % prefixes.length] + w);
    if (i % 4 === 0)
        add('list' + w);
    if (i % 8 === 1)
        add(w.toLowerCase() + '_item');
    if (i % 8 === 5)
        add(w.charAt(0).toLowerCase() + w.slice(1) + 'Id');
});

// Words already plural, and singular forms, as pluralize itself produces them.
for (const w of [...words]) {
    if (!stemWords.includes(w))
        add(pluralize.singular(w));
    add(pluralize.plural(w));
}

// Names with digits, underscores, and non-ASCII letters.
[
    'Todo2', 'todo_v2', 'Todo_', '_Todo', '__typename', 'V2Todo', 'item123', 'A', 'a', 'B', 'b',
    'S', 's', 'X', 'x', 'Y', 'y', 'O', 'o', 'Z', 'z', 'SS', 'ss', 'Ss', 'sS', 'x1', 'X_Y',
    'Café', 'café', 'CAFÉ', 'Crème', 'Brûlée', 'Éclair', 'éclair', 'Naïve', 'Straße', 'STRASSE',
    'Übung', 'Ärger', 'Größe', 'Øl', 'Ångström', 'Smörgåsbord', 'Jalapeño', 'Piñata', 'Niño',
    'Señor', 'Ñandú', 'Ωmega', 'Σigma', 'ΣUS', 'σus', 'Σy', 'ΟΔΟΣ', 'Ελλάδα', 'Москва', 'Город',
    'ДОМ', '東京', '日本語', 'データ', 'Pokémon', 'POKÉMON', 'pokémon', 'PokÉmon', 'Pokemon',
    'ßy', 'ßY', 'ǅy', 'ǅus', 'Ǆbox', 'ǆbox', 'ﬀy', 'ﬁx', 'İy', 'ıy', 'Iy', 'ſ', 'ſs', 'ſy',
    'bus\u017F', 'K', 'k', '\u212Ay', 'Kelvin\u212A', 'box\u212A', '\u212Bngstrom', 'Å', 'å',
    'émouse', 'Émouse', 'ñlouse', '😀mouse', '_mouse', '2mouse', 'amouse', 'A-mouse', 'box-mouse',
    '𐐀y', '𐐨y', '𐐀', 'Todo😀', '😀', '😀y', '😀Todo', 'Ꮩy', 'ꭰy', 'Ⅻ', 'ⅻy', 'ǈus', 'ǋy',
].forEach(add);

const out = ['# word\tpluralize.plural(word) — generated by make-pluralize-tsv.js from pluralize ' +
             version + '; do not edit'];
for (const w of [...words].sort()) {
    const p = pluralize(w);
    if (p !== pluralize.plural(w)) {
        console.error(`pluralize(${w}) differs from pluralize.plural(${w})`);
        process.exit(1);
    }
    out.push(`${w}\t${p}`);
}
process.stdout.write(out.join('\n') + '\n');
