using FsCheck;
using FsCheck.Fluent;
using InternalCustomer.Agreements;
using NodaTime;

namespace InternalCustomer.Tests.Generators;

/// <summary>A bag of evaluations of one objective, decided ones with decision instants spread over 2025–2027.</summary>
public sealed record DecisionSet(ObjectiveEvaluation[] Evaluations)
{
    public override string ToString() =>
        $"{Evaluations.Length} evaluations: " + string.Join(", ", Evaluations.Take(8).Select(e => $"{e.State}@{e.DecidedAt}"));
}

/// <summary>FsCheck generators for the Agreements area.</summary>
public static class AgreementGenerators
{
    private static readonly Instant Base = Instant.FromUtc(2025, 12, 1, 0, 0);
    private static readonly Duration Allowed = Duration.FromHours(8);

    public static Arbitrary<DecisionSet> DecisionSets()
    {
        var state = Gen.Elements(SlaState.Met, SlaState.Breached, SlaState.InProgress, SlaState.AtRisk, SlaState.Paused);

        // Minutes from 2025-12-01 over about 14 months, so some decisions fall outside 2026.
        var minute = Gen.Choose(0, 14 * 31 * 24 * 60);
        var one =
            from s in state
            from m in minute
            select new ObjectiveEvaluation(
                ObjectiveKind.Resolution,
                s,
                Allowed,
                Allowed,
                Base + Duration.FromMinutes(m),
                Base + Duration.FromMinutes(m),
                s == SlaState.AtRisk ? 1 : 0);
        return Arb.From(one.ArrayOf().Select(a => new DecisionSet(a)));
    }
}
