using System.Globalization;

namespace InternalCustomer.Agreements;

/// <summary>
/// A satisfaction objective of a service agreement: at least the share <see cref="Target"/> of the consumer's
/// feedback responses must be satisfied (for example CSAT of at least 80%), judged from feedback collected later.
/// </summary>
/// <remarks>What counts as satisfied (top box, top two boxes) is decided by the feedback scoring; this objective
/// only judges the counts it is given. Equality is by value.</remarks>
public sealed record SatisfactionObjective
{
    /// <summary>Creates a satisfaction objective.</summary>
    /// <param name="target">The share of responses that must be satisfied, in [0, 1) (for example 0.8).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is outside [0, 1).</exception>
    public SatisfactionObjective(double target) => Target = ObjectiveGuard.Target(target, nameof(target));

    /// <summary>Gets the share of responses that must be satisfied, in [0, 1).</summary>
    public double Target { get; }

    /// <summary>Judges feedback: satisfied responses are met events, the others breached, as in the OpenSLO occurrences method.</summary>
    /// <param name="satisfied">The number of satisfied responses; non-negative and at most <paramref name="responses"/>.</param>
    /// <param name="responses">The number of responses; non-negative.</param>
    /// <returns>The error budget of the responses against <see cref="Target"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or <paramref name="satisfied"/> exceeds <paramref name="responses"/>.</exception>
    public ErrorBudget Judge(long satisfied, long responses)
    {
        if (responses < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(responses), responses, string.Create(CultureInfo.InvariantCulture, $"The number of responses must be >= 0; got {responses}."));
        }

        if (satisfied < 0 || satisfied > responses)
        {
            throw new ArgumentOutOfRangeException(nameof(satisfied), satisfied, string.Create(CultureInfo.InvariantCulture, $"The number of satisfied responses must be in [0, {responses}]; got {satisfied}."));
        }

        return new ErrorBudget(Target, responses, responses - satisfied);
    }
}
