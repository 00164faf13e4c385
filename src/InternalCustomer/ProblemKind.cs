namespace InternalCustomer;

/// <summary>
/// What kind of problem a <see cref="Problem"/> is: the stable vocabulary callers branch on
/// (never on the message text). Shared by the organisation's validation and the document readers.
/// </summary>
public enum ProblemKind
{
    /// <summary>An identifier breaks the identifier rule (1–64 letters, digits, '-', '_', '.').</summary>
    InvalidId = 1,

    /// <summary>A value is out of its range, unusable or missing (a blank name, a criticality outside 1–5,
    /// a negative volume, a date that does not parse, a required property that is absent).</summary>
    InvalidValue = 2,

    /// <summary>Two entries of the same kind share an identifier (or, for dependencies, a provider–consumer pair;
    /// for records of a document, a request id).</summary>
    DuplicateId = 3,

    /// <summary>A reference names an entry that does not exist (a parent, a provider, a consumer, a calendar, a dimension),
    /// or a service that the agreement's provider does not offer.</summary>
    UnknownReference = 4,

    /// <summary>Parent links form a cycle; the message names every department on it.</summary>
    ParentCycle = 5,

    /// <summary>A department depends on, or has an agreement with, itself.</summary>
    SelfReference = 6,

    /// <summary>Two agreements of the same provider and consumer cover the same service over overlapping effective periods.</summary>
    OverlappingAgreement = 7,

    /// <summary>The input is not well-formed: not UTF-8, not JSON, or not CSV; nothing after the location can be trusted.</summary>
    MalformedInput = 8,

    /// <summary>A document has a property or column this version of the format does not define, or has one twice.</summary>
    UnexpectedProperty = 9,

    /// <summary>A required property, column or field is absent or empty.</summary>
    MissingValue = 10,

    /// <summary>A value has the wrong type (a number where a string belongs, an array where an object belongs).</summary>
    WrongType = 11,

    /// <summary>The input declares a format version newer than this reader knows (a stored summary state written by a
    /// later version of the library); nothing in it was read.</summary>
    UnsupportedVersion = 12,
}
