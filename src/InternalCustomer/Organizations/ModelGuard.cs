using Ardalis.GuardClauses;

namespace InternalCustomer.Organizations;

/// <summary>Argument checks shared by the model's constructors.</summary>
internal static class ModelGuard
{
    internal static DepartmentId NotDefault(DepartmentId id, string parameterName) =>
        id.IsDefault ? throw new ArgumentException("Expected a parsed DepartmentId; got default(DepartmentId).", parameterName) : id;

    internal static ServiceId NotDefault(ServiceId id, string parameterName) =>
        id.IsDefault ? throw new ArgumentException("Expected a parsed ServiceId; got default(ServiceId).", parameterName) : id;

    internal static AgreementId NotDefault(AgreementId id, string parameterName) =>
        id.IsDefault ? throw new ArgumentException("Expected a parsed AgreementId; got default(AgreementId).", parameterName) : id;

    internal static CalendarId NotDefault(CalendarId id, string parameterName) =>
        id.IsDefault ? throw new ArgumentException("Expected a parsed CalendarId; got default(CalendarId).", parameterName) : id;

    internal static string Name(string? name, string parameterName)
    {
        if (name is null)
        {
            throw new ArgumentNullException(parameterName, "A name must be non-blank text; got null.");
        }

        return Guard.Against.NullOrWhiteSpace(
            name,
            parameterName,
            $"A name must be non-blank text; got \"{name}\".");
    }
}
