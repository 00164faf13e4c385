namespace InternalCustomer;

/// <summary>What the model's argument checks need of every identifier type generated from
/// <c>Identifier.cs.template</c>.</summary>
internal interface IIdentifier
{
    /// <summary>Gets a value indicating whether this is the type's <c>default</c>, which is not a valid identifier.</summary>
    bool IsDefault { get; }

    /// <summary>Gets the identifier text; the empty string for <c>default</c>.</summary>
    string Value { get; }
}
