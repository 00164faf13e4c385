namespace InternalCustomer.Organizations;

/// <summary>The kinds of problem that validation of an organisation reports.</summary>
public enum ValidationProblemKind
{
    /// <summary>An identifier breaks the identifier rule (1–64 letters, digits, '-', '_', '.').</summary>
    InvalidId = 1,

    /// <summary>A value is out of its range or missing (a blank name, a criticality outside 1–5, a negative volume).</summary>
    InvalidValue = 2,

    /// <summary>Two entries of the same kind share an identifier (or, for dependencies, a consumer–provider pair).</summary>
    DuplicateId = 3,

    /// <summary>A reference names an entry that does not exist (a parent, a provider, a consumer, a calendar), or a service that the agreement's provider does not offer.</summary>
    UnknownReference = 4,

    /// <summary>Parent links form a cycle; the message names every department on it.</summary>
    ParentCycle = 5,

    /// <summary>A department depends on, or has an agreement with, itself.</summary>
    SelfReference = 6,

    /// <summary>Two agreements of the same provider and consumer cover the same service over overlapping effective periods.</summary>
    OverlappingAgreement = 7,
}
