namespace InternalCustomer.Interchange;

/// <summary>
/// How a reader of this package reads a document: the overloads that take it (every <c>Read</c>, <c>ReadLocated</c>,
/// <c>ReadAsync</c>, <c>ReadLocatedAsync</c> and <c>ReadRecordsAsync</c> of the document readers) read as the overloads
/// without it do when given <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para>Immutable; make one with an object initialiser or <c>with</c>:
/// <c>ReadOptions.Default with { MaxProblems = 1000 }</c>.</para>
/// <para><see cref="MaxProblems"/> bounds the problems one document reports (docs/interchange.md, "Problems"): past it a
/// reader only counts, and the result ends with one more problem, at the document's root, saying how many more were found.
/// A streaming reader (<c>ReadRecordsAsync</c>) applies the bound to each item it yields (the document's header, each
/// record), as it keeps nothing across records; a streamed status-change CSV, whose records need every row, gives its
/// problems in one final item, capped as a whole. Memory and time grow with the problems kept, so a very large bound gives
/// up the protection the default gives against a hostile document.</para>
/// </remarks>
public sealed record ReadOptions
{
    /// <summary>The default of <see cref="MaxProblems"/>: 100.</summary>
    public const int DefaultMaxProblems = 100;

    /// <summary>Gets the options the overloads without options use: at most <see cref="DefaultMaxProblems"/> problems.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>Gets the most problems a document reports before the one that says how many more were found (at least 1;
    /// <see cref="DefaultMaxProblems"/> unless set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MaxProblems
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxProblems), value, $"The most problems listed must be at least 1; got {value}.");
    } = DefaultMaxProblems;

    /// <summary>The <see cref="MaxProblems"/> of <paramref name="options"/>, or the default's when it is null (the readers
    /// take <c>ReadOptions?</c> and read null as <see cref="Default"/>).</summary>
    internal static int MaxProblemsOf(ReadOptions? options) => (options ?? Default).MaxProblems;
}
