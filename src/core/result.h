#pragma once

#include <Stratus/error.h>

#include <utility>

namespace Stratus {

/// Either a value or an Error: what every asynchronous DataStore call delivers through its
/// QFuture. Test it like a pointer: `if (result) use(result.value()); else warn(result.error());`
template<typename T>
class Result
{
public:
    Result() = default;
    Result(const T &value) : m_value(value) { }
    Result(T &&value) : m_value(std::move(value)) { }
    Result(const Error &error) : m_error(error) { }

    bool hasError() const { return m_error.isValid(); }
    explicit operator bool() const { return !hasError(); }

    const T &value() const & { return m_value; }
    T value() && { return std::move(m_value); }
    const T &operator*() const { return m_value; }
    const T *operator->() const { return &m_value; }
    Error error() const { return m_error; }

private:
    T m_value{};
    Error m_error;
};

/// The result of a call that delivers no value (clear(), start(), stop()).
template<>
class Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error) { }

    bool hasError() const { return m_error.isValid(); }
    explicit operator bool() const { return !hasError(); }
    Error error() const { return m_error; }

private:
    Error m_error;
};

} // namespace Stratus
