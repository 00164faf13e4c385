using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Organizations;
using NodaTime;
using NodaTime.Text;

namespace InternalCustomer.Improvement;

/// <summary>
/// One cycle of collecting feedback: which consumer departments are asked to rate which providers, over which dates.
/// </summary>
/// <remarks>
/// <para>The cycle's dates are read in <see cref="Zone"/>: the campaign collects the responses whose instant falls in
/// <see cref="Window"/>, from the start of the cycle's first day to the start of the day after its last day
/// (half-open, as every NodaTime interval).</para>
/// <para><see cref="Invitations"/> holds one invitation per relationship, sorted by relationship (provider, then
/// consumer). Lay out successive cycles with <see cref="Cycles"/>, derive the invitations from an organisation with
/// <see cref="Plan"/>, and check a campaign built from explicit invitations against an organisation with
/// <see cref="Validate(Organization)"/>.</para>
/// <para>Instances are immutable. Equality is by value: the id, the cycle, the zone (by its id) and the
/// invitations.</para>
/// </remarks>
public sealed class FeedbackCampaign : IEquatable<FeedbackCampaign>
{
    /// <summary>Creates a campaign from explicit invitations.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="cycle">The dates of the cycle, both ends included.</param>
    /// <param name="zone">The zone the cycle's dates are read in.</param>
    /// <param name="invitations">The invitations, in any order; at most one per relationship.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cycle"/>, <paramref name="zone"/> or
    /// <paramref name="invitations"/> (or one of its elements) is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, or two invitations name the same
    /// relationship.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day of <paramref name="cycle"/> lies outside the supported dates, 1900-01-01 to
    /// 2200-12-31 (<see cref="SupportedRange"/>).</exception>
    public FeedbackCampaign(CampaignId id, DateInterval cycle, DateTimeZone zone, IEnumerable<Invitation> invitations)
    {
        Id = ModelGuard.NotDefault(id, nameof(id));
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(invitations);
        RangeGuard.Date(cycle.Start, nameof(cycle), "a cycle's first day");
        RangeGuard.Date(cycle.End, nameof(cycle), "a cycle's last day");
        var list = new List<Invitation>();
        foreach (var invitation in invitations)
        {
            if (invitation is null)
            {
                throw new ArgumentNullException(
                    nameof(invitations),
                    string.Create(CultureInfo.InvariantCulture, $"Expected an invitation at index {list.Count} of campaign '{id}'; got null."));
            }

            list.Add(invitation);
        }

        list.Sort(static (a, b) => a.Relationship.CompareTo(b.Relationship));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Relationship == list[i - 1].Relationship)
            {
                var r = list[i].Relationship;
                throw new ArgumentException(
                    $"Expected one invitation per relationship in campaign '{id}'; got two for {r.Provider} → {r.Consumer}.",
                    nameof(invitations));
            }
        }

        Cycle = cycle;
        Zone = zone;
        Invitations = [.. list];
        Window = new Interval(
            zone.AtStartOfDay(cycle.Start).ToInstant(),
            zone.AtStartOfDay(cycle.End.PlusDays(1)).ToInstant());
    }

    /// <summary>Gets the campaign's id.</summary>
    public CampaignId Id { get; }

    /// <summary>Gets the dates of the cycle, both ends included, read in <see cref="Zone"/>.</summary>
    public DateInterval Cycle { get; }

    /// <summary>Gets the zone the cycle's dates are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the instants whose responses the campaign collects: from the start of the cycle's first day to
    /// the start of the day after its last day, in <see cref="Zone"/> (half-open).</summary>
    public Interval Window { get; }

    /// <summary>Gets the invitations, one per relationship, sorted by relationship.</summary>
    public ImmutableArray<Invitation> Invitations { get; }

    /// <summary>Plans a campaign from an organisation: every provider × consumer pair with an agreement in effect on
    /// at least one day of the cycle, or with a declared dependency of at least
    /// <paramref name="minimumCriticality"/>, is invited once (one person asked).</summary>
    /// <param name="organization">The organisation whose agreements and dependencies imply the invitations.</param>
    /// <param name="id">The campaign's id.</param>
    /// <param name="cycle">The dates of the cycle, both ends included.</param>
    /// <param name="zone">The zone the cycle's dates are read in.</param>
    /// <param name="minimumCriticality">The lowest criticality of a declared dependency that earns an invitation;
    /// agreements earn one whatever the criticality.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/>, <paramref name="cycle"/> or
    /// <paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day of <paramref name="cycle"/> lies outside the supported dates
    /// (<see cref="SupportedRange"/>).</exception>
    public static FeedbackCampaign Plan(Organization organization, CampaignId id, DateInterval cycle, DateTimeZone zone, Criticality minimumCriticality)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(cycle);
        var pairs = new SortedSet<Relationship>();
        foreach (var agreement in organization.Agreements)
        {
            if (agreement.EffectiveFrom <= cycle.End && (agreement.EffectiveUntil is not { } until || until >= cycle.Start))
            {
                pairs.Add(new Relationship(agreement.Provider, agreement.Consumer));
            }
        }

        foreach (var dependency in organization.Dependencies)
        {
            if (dependency.Criticality >= minimumCriticality)
            {
                pairs.Add(new Relationship(dependency.Provider, dependency.Consumer));
            }
        }

        return new FeedbackCampaign(id, cycle, zone, pairs.Select(static p => new Invitation(p)));
    }

    /// <summary>Lays out <paramref name="count"/> successive cycles of length <paramref name="cadence"/> from
    /// <paramref name="start"/>: cycle <c>i</c> runs from <c>start + i·cadence</c> to the day before
    /// <c>start + (i + 1)·cadence</c>.</summary>
    /// <remarks>Each cycle start is computed from <paramref name="start"/> with the whole multiple of the cadence, so
    /// a month-end start does not drift: from 31 January by <c>P1M</c> the cycles start on 31 January, 28 February
    /// (29 in a leap year), 31 March, 30 April.</remarks>
    /// <param name="start">The first day of the first cycle.</param>
    /// <param name="cadence">The length of a cycle: a positive period of years, months, weeks and days only.</param>
    /// <param name="count">The number of cycles, at least 1.</param>
    /// <returns>The cycles, in order, adjacent and not overlapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cadence"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="cadence"/> has a time part, a negative part, or is zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or the last cycle would end after
    /// <see cref="SupportedRange.MaxDate"/> (2200-12-31); <paramref name="start"/> lies outside the supported dates; or
    /// <paramref name="cadence"/> is longer than 100 years (<see cref="SupportedRange"/>).</exception>
    public static ImmutableArray<DateInterval> Cycles(LocalDate start, Period cadence, int count)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        if (cadence.HasTimeComponent || cadence.Years < 0 || cadence.Months < 0 || cadence.Weeks < 0 || cadence.Days < 0
            || cadence.Normalize() == Period.Zero)
        {
            throw new ArgumentException(
                $"Expected a cadence of positive years, months, weeks and days only; got {cadence}.",
                nameof(cadence));
        }

        RangeGuard.Period(cadence, nameof(cadence), "a cadence");
        RangeGuard.Date(start, nameof(start), "a first cycle's first day");
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                string.Create(CultureInfo.InvariantCulture, $"The number of cycles must be at least 1; got {count}."));
        }

        var cycles = ImmutableArray.CreateBuilder<DateInterval>();
        var from = start;
        for (var i = 1; i <= count; i++)
        {
            // Every cycle so far ended by MaxDate, so this one ends at most a cadence (100 years) later: far inside NodaTime.
            var next = start.Plus(Times(cadence, i));
            if (next.PlusDays(-1) > SupportedRange.MaxDate)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(count),
                    count,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Expected cycles that end by {LocalDatePattern.Iso.Format(SupportedRange.MaxDate)}, the last supported date; cycle {i} of {count} from {LocalDatePattern.Iso.Format(start)} every {cadence} would end on {LocalDatePattern.Iso.Format(next.PlusDays(-1))}."));
            }

            cycles.Add(new DateInterval(from, next.PlusDays(-1)));
            from = next;
        }

        return cycles.ToImmutable();
    }

    /// <summary>Checks the campaign against an organisation: every department an invitation names must be in it.</summary>
    /// <param name="organization">The organisation.</param>
    /// <returns>One problem per unknown department, located at <c>$.invitations[j].provider</c> or
    /// <c>$.invitations[j].consumer</c> (<c>j</c> the index in <see cref="Invitations"/>); empty when the campaign
    /// fits the organisation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Problem> Validate(Organization organization) => Validate(organization, ProblemLocation.Root);

    /// <summary>Checks the campaign against an organisation, locating the problems under <paramref name="location"/>
    /// (the campaign's place in a larger record, for example <c>$.campaigns[2]</c>).</summary>
    /// <param name="organization">The organisation.</param>
    /// <param name="location">Where the campaign is; its problems are at <c>location.invitations[j].provider</c> or
    /// <c>location.invitations[j].consumer</c>.</param>
    /// <returns>One problem per unknown department; empty when the campaign fits the organisation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> or <paramref name="location"/> is
    /// <see langword="null"/>.</exception>
    public ImmutableArray<Problem> Validate(Organization organization, ProblemLocation location)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(location);
        var problems = ImmutableArray.CreateBuilder<Problem>();
        for (var j = 0; j < Invitations.Length; j++)
        {
            var r = Invitations[j].Relationship;
            var at = location.Property("invitations").Element(j);
            if (!organization.Contains(r.Provider))
            {
                problems.Add(new Problem(
                    ProblemKind.UnknownReference,
                    at.Property("provider"),
                    $"Campaign '{Id}' invites {r.Consumer} to rate provider '{r.Provider}', which is not a department of this organization."));
            }

            if (!organization.Contains(r.Consumer))
            {
                problems.Add(new Problem(
                    ProblemKind.UnknownReference,
                    at.Property("consumer"),
                    $"Campaign '{Id}' invites consumer '{r.Consumer}', which is not a department of this organization, to rate {r.Provider}."));
            }
        }

        return problems.ToImmutable();
    }

    /// <inheritdoc />
    public bool Equals(FeedbackCampaign? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Cycle.Equals(other.Cycle)
                && Zone.Id == other.Zone.Id
                && Invitations.SequenceEqual(other.Invitations)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FeedbackCampaign);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Cycle, Zone.Id, Invitations.Length);

    /// <summary>Returns the campaign as text, for example <c>q1: 2026-01-01..2026-03-31 in Europe/Berlin, 12 invitations</c>.</summary>
    /// <returns>The id, the cycle, the zone and the number of invitations.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id}: {Cycle.Start:uuuu-MM-dd}..{Cycle.End:uuuu-MM-dd} in {Zone.Id}, {Invitations.Length} invitations");

    private static Period Times(Period cadence, int factor) =>
        new PeriodBuilder
        {
            Years = cadence.Years * factor,
            Months = cadence.Months * factor,
            Weeks = cadence.Weeks * factor,
            Days = cadence.Days * factor,
        }.Build();
}
