using Ardalis.GuardClauses;

namespace InternalCustomer;

/// <summary>Argument checks shared by the model's constructors.</summary>
internal static class ModelGuard
{
    internal static T NotDefault<T>(T id, string parameterName)
        where T : struct, IIdentifier =>
        id.IsDefault
            ? throw new ArgumentException($"Expected a parsed {typeof(T).Name}; got default({typeof(T).Name}).", parameterName)
            : id;

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
