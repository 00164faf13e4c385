namespace InternalCustomer.Scorecards;

/// <summary>
/// A problem with the inputs of <see cref="Scorecard.Compute"/>, as listed by <see cref="Scorecard.Validate"/>: what is wrong,
/// where (the parameter and the index in it), and the offending value, so that a caller can say it in its own terms
/// (a file and a line) without reading <see cref="Message"/>.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Parameter">The parameter of <see cref="Scorecard.Compute"/> at fault: <c>requests</c>, <c>responses</c> or <c>options</c>.</param>
/// <param name="Index">The index in <paramref name="Parameter"/> (of the request or response), or <see langword="null"/> for <c>options</c>.</param>
/// <param name="Reference">The offending value: the unknown agreement or department id, the response's scale, or the instant the data begins.</param>
/// <param name="Message">The problem in words, saying what was expected and what came (the message <see cref="Scorecard.Compute"/> throws).</param>
public sealed record ScorecardProblem(ScorecardProblemKind Kind, string Parameter, int? Index, string Reference, string Message);
