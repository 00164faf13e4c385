using System.Collections.Immutable;
using System.Globalization;
using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// What came back from a feedback campaign: per relationship, how many were invited, how many responded in the
/// campaign's window and how many were satisfied; and, derived from those counts, the response rates, the coverage,
/// the non-responders and sample-size advice.
/// </summary>
/// <remarks>
/// <para>A response counts for the relationship (its <see cref="FeedbackResponse.Subject"/> as provider, its
/// <see cref="FeedbackResponse.Respondent"/> as consumer) when its instant is in the campaign's
/// <see cref="FeedbackCampaign.Window"/>; responses outside it are ignored. It is satisfied when its overall rating is
/// in the top <see cref="CsatTopBoxes"/> points of its own scale. Responses of relationships that were not invited are
/// kept with 0 invited and counted in <see cref="Uninvited"/>, never in a rate.</para>
/// <para><b>Rates.</b> A relationship answers <c>min(responses, invited)</c> of its invitations; a rate is
/// <c>Σ answered / Σ invited</c> over the invited relationships of a consumer (<see cref="ByConsumer"/>), of a provider
/// (<see cref="ByProvider"/>) or of the whole campaign (<see cref="ResponseRate"/>).</para>
/// <para><b>Merging.</b> Every number is derived from the per-relationship counts, and <see cref="Merge"/> adds the
/// counts relationship by relationship (invited included). So a campaign whose invitations and responses are split
/// into parts — campaigns with the same id and cycle holding disjoint invitations, and disjoint sets of responses —
/// summarised per part and merged gives the summary of the whole, in any order and grouping.</para>
/// <para>Instances are immutable. Equality is by value: the campaign id, the window, the top boxes and every
/// relationship's counts.</para>
/// </remarks>
public sealed class CampaignSummary : IEquatable<CampaignSummary>
{
    private CampaignSummary(CampaignId campaign, Interval window, int csatTopBoxes, ImmutableArray<RelationshipResponses> relationships)
    {
        Campaign = campaign;
        Window = window;
        CsatTopBoxes = csatTopBoxes;
        Relationships = relationships;
        var byConsumer = new SortedDictionary<DepartmentId, (long Invitations, long Invited, long Answered, long Responses)>();
        var byProvider = new SortedDictionary<DepartmentId, (long Invitations, long Invited, long Answered, long Responses)>();
        var nonResponding = ImmutableArray.CreateBuilder<Relationship>();
        foreach (var r in relationships)
        {
            if (!r.IsInvited)
            {
                Uninvited += r.Responses;
                continue;
            }

            InvitedRelationships++;
            Invited += r.Invited;
            Answered += r.Answered;
            Responses += r.Responses;
            if (r.Responses == 0)
            {
                nonResponding.Add(r.Relationship);
            }

            Add(byConsumer, r.Relationship.Consumer, r);
            Add(byProvider, r.Relationship.Provider, r);
        }

        NonRespondingRelationships = nonResponding.ToImmutable();
        ByConsumer = [.. byConsumer.Select(static kv => new DepartmentResponses(kv.Key, kv.Value.Invitations, kv.Value.Invited, kv.Value.Answered, kv.Value.Responses))];
        ByProvider = [.. byProvider.Select(static kv => new DepartmentResponses(kv.Key, kv.Value.Invitations, kv.Value.Invited, kv.Value.Answered, kv.Value.Responses))];
        NonRespondingConsumers = [.. ByConsumer.Where(static d => d.Responses == 0).Select(static d => d.Department)];
    }

    /// <summary>Gets the id of the campaign summarised.</summary>
    public CampaignId Campaign { get; }

    /// <summary>Gets the campaign's window: the responses counted are those whose instant is in it.</summary>
    public Interval Window { get; }

    /// <summary>Gets how many of the highest points of a response's scale count as satisfied.</summary>
    public int CsatTopBoxes { get; }

    /// <summary>Gets the counts of every relationship that was invited or responded in the window, sorted by
    /// relationship.</summary>
    public ImmutableArray<RelationshipResponses> Relationships { get; }

    /// <summary>Gets the number of invited relationships.</summary>
    public long InvitedRelationships { get; }

    /// <summary>Gets the number of people invited over all relationships.</summary>
    public long Invited { get; }

    /// <summary>Gets the responses that answer an invitation: the sum of <c>min(responses, invited)</c>.</summary>
    public long Answered { get; }

    /// <summary>Gets the responses of invited relationships in the window, extra ones included.</summary>
    public long Responses { get; }

    /// <summary>Gets the responses in the window from relationships that were not invited.</summary>
    public long Uninvited { get; }

    /// <summary>Gets the overall response rate, <c>Answered / Invited</c>; <see langword="null"/> when no one was
    /// invited.</summary>
    public double? ResponseRate => Invited > 0 ? (double)Answered / Invited : null;

    /// <summary>Gets the response counts and rate of every invited consumer, sorted by department.</summary>
    public ImmutableArray<DepartmentResponses> ByConsumer { get; }

    /// <summary>Gets the response counts and rate of every invited provider (the responses about it), sorted by
    /// department.</summary>
    public ImmutableArray<DepartmentResponses> ByProvider { get; }

    /// <summary>Gets the invited relationships without any response in the window, sorted.</summary>
    public ImmutableArray<Relationship> NonRespondingRelationships { get; }

    /// <summary>Gets the invited consumers without any response over all their invitations, sorted.</summary>
    public ImmutableArray<DepartmentId> NonRespondingConsumers { get; }

    /// <summary>Summarises the responses to a campaign.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="responses">The responses, in any order; those outside the campaign's window are ignored.</param>
    /// <param name="csatTopBoxes">How many of the highest points of a response's scale count as satisfied; 2 by
    /// default (4–5 of 5). At most the number of points of every counted response's scale.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> or an element of
    /// <paramref name="responses"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="csatTopBoxes"/> is below 1, or above the number
    /// of points of a counted response's scale.</exception>
    public static CampaignSummary Create(FeedbackCampaign campaign, ReadOnlySpan<FeedbackResponse> responses, int csatTopBoxes = 2)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        CampaignGuard.TopBoxes(csatTopBoxes, nameof(csatTopBoxes));
        var counts = new SortedDictionary<Relationship, (long Invited, long Responses, long Satisfied)>();
        foreach (var invitation in campaign.Invitations)
        {
            counts[invitation.Relationship] = (invitation.Invited, 0, 0);
        }

        var window = campaign.Window;
        for (var i = 0; i < responses.Length; i++)
        {
            var response = responses[i] ?? throw new ArgumentNullException(
                nameof(responses),
                string.Create(CultureInfo.InvariantCulture, $"Expected a response at index {i}; got null."));
            if (!window.Contains(response.Instant))
            {
                continue;
            }

            var scale = response.OverallScale;
            if (csatTopBoxes > scale.Points)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(csatTopBoxes),
                    csatTopBoxes,
                    string.Create(CultureInfo.InvariantCulture, $"The number of top boxes must be at most the {scale.Points} points of the scale {scale} of response {i} ({response.Respondent} about {response.Subject}); got {csatTopBoxes}."));
            }

            var key = new Relationship(response.Subject, response.Respondent);
            var (invited, count, satisfied) = counts.GetValueOrDefault(key);
            counts[key] = (invited, count + 1, satisfied + (response.Overall > scale.Max - csatTopBoxes ? 1 : 0));
        }

        return new CampaignSummary(
            campaign.Id,
            window,
            csatTopBoxes,
            [.. counts.Select(static kv => new RelationshipResponses(kv.Key, kv.Value.Invited, kv.Value.Responses, kv.Value.Satisfied))]);
    }

    // The summary of a campaign from response counts per relationship already taken (the responses in the window, and
    // of them the satisfied ones, with the top boxes checked by whoever counted): the invitations come from the campaign.
    // Create's result over the same responses, for a scorecard accumulated from partial states.
    internal static CampaignSummary FromCounts(FeedbackCampaign campaign, IEnumerable<KeyValuePair<Relationship, (long Responses, long Satisfied)>> responses, int csatTopBoxes)
    {
        var counts = new SortedDictionary<Relationship, (long Invited, long Responses, long Satisfied)>();
        foreach (var invitation in campaign.Invitations)
        {
            counts[invitation.Relationship] = (invitation.Invited, 0, 0);
        }

        foreach (var (key, (given, satisfied)) in responses)
        {
            var (invited, count, happy) = counts.GetValueOrDefault(key);
            counts[key] = (invited, count + given, happy + satisfied);
        }

        return new CampaignSummary(
            campaign.Id,
            campaign.Window,
            csatTopBoxes,
            [.. counts.Select(static kv => new RelationshipResponses(kv.Key, kv.Value.Invited, kv.Value.Responses, kv.Value.Satisfied))]);
    }

    /// <summary>Merges the summary of another part of the same campaign: the counts are added relationship by
    /// relationship (a relationship in both adds its invited too).</summary>
    /// <param name="other">A summary of the same campaign (id and window) with the same top boxes.</param>
    /// <returns>The summary of both parts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> summarises another campaign, another window, or
    /// counts satisfaction with other top boxes.</exception>
    public CampaignSummary Merge(CampaignSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Campaign != Campaign)
        {
            throw new ArgumentException($"Expected a summary of campaign '{Campaign}'; got one of campaign '{other.Campaign}'.", nameof(other));
        }

        if (other.Window != Window)
        {
            throw new ArgumentException($"Expected a summary of campaign '{Campaign}' over {Window}; got one over {other.Window}.", nameof(other));
        }

        if (other.CsatTopBoxes != CsatTopBoxes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected a summary of campaign '{Campaign}' with {CsatTopBoxes} top boxes; got one with {other.CsatTopBoxes}."),
                nameof(other));
        }

        var merged = ImmutableArray.CreateBuilder<RelationshipResponses>(Relationships.Length + other.Relationships.Length);
        int i = 0, j = 0;
        while (i < Relationships.Length || j < other.Relationships.Length)
        {
            var c = i == Relationships.Length ? 1
                : j == other.Relationships.Length ? -1
                : Relationships[i].Relationship.CompareTo(other.Relationships[j].Relationship);
            if (c < 0)
            {
                merged.Add(Relationships[i++]);
            }
            else if (c > 0)
            {
                merged.Add(other.Relationships[j++]);
            }
            else
            {
                merged.Add(Relationships[i++].Plus(other.Relationships[j++]));
            }
        }

        return new CampaignSummary(Campaign, Window, CsatTopBoxes, merged.ToImmutable());
    }

    /// <summary>Finds the counts of one relationship.</summary>
    /// <param name="relationship">The relationship.</param>
    /// <returns>Its counts; <see langword="null"/> when it was neither invited nor responded.</returns>
    public RelationshipResponses? Find(Relationship relationship)
    {
        int low = 0, high = Relationships.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var c = Relationships[middle].Relationship.CompareTo(relationship);
            if (c == 0)
            {
                return Relationships[middle];
            }

            if (c < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    /// <summary>The share of invited relationships with at least <paramref name="minimumResponses"/> responses.</summary>
    /// <param name="minimumResponses">The responses a relationship needs to count as covered, at least 1; 1 by default.</param>
    /// <returns>The coverage, in [0, 1]; <see langword="null"/> when no relationship was invited.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumResponses"/> is below 1.</exception>
    public double? Coverage(int minimumResponses = 1)
    {
        if (minimumResponses < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minimumResponses),
                minimumResponses,
                string.Create(CultureInfo.InvariantCulture, $"The minimum number of responses must be at least 1; got {minimumResponses}."));
        }

        if (InvitedRelationships == 0)
        {
            return null;
        }

        long covered = 0;
        foreach (var r in Relationships)
        {
            if (r.IsInvited && r.Responses >= minimumResponses)
            {
                covered++;
            }
        }

        return (double)covered / InvitedRelationships;
    }

    /// <summary>Sample-size advice for every invited relationship (see <see cref="SampleSizeAdvice"/>).</summary>
    /// <param name="margin">The wanted half-width of each relationship's CSAT interval, in (0, 0.5]; 0.1 by default.</param>
    /// <param name="change">The change of CSAT to detect between two windows, in (0, 0.5]; 0.15 by default.</param>
    /// <param name="level">The confidence level of the interval, in (0, 1); 0.95 by default.</param>
    /// <param name="power">The wanted power of the test of the change, in (0, 1); 0.8 by default.</param>
    /// <param name="significance">The two-sided significance level of that test, in (0, 1); 0.05 by default.</param>
    /// <returns>The advice, one per invited relationship, sorted by relationship.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="power"/>
    /// is so low that any number of responses reaches it.</exception>
    public ImmutableArray<SampleSizeAdvice> Advise(double margin = 0.1, double change = 0.15, double level = 0.95, double power = 0.8, double significance = 0.05)
    {
        SampleSizeAdvice.CheckSettings(margin, change, level, power, significance);
        var advice = ImmutableArray.CreateBuilder<SampleSizeAdvice>();
        foreach (var r in Relationships)
        {
            if (r.IsInvited)
            {
                advice.Add(SampleSizeAdvice.CreateChecked(r.Relationship, r.Responses, r.Satisfied, margin, change, level, power, significance));
            }
        }

        return advice.ToImmutable();
    }

    /// <inheritdoc />
    public bool Equals(CampaignSummary? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Campaign == other.Campaign
                && Window == other.Window
                && CsatTopBoxes == other.CsatTopBoxes
                && Relationships.SequenceEqual(other.Relationships)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CampaignSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Campaign, Window, CsatTopBoxes, Invited, Responses, Uninvited);

    /// <summary>Returns the summary as text, for example <c>q1: 9 of 12 answered, 1 uninvited</c>.</summary>
    /// <returns>The campaign id and the overall counts.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Campaign}: {Answered} of {Invited} answered over {InvitedRelationships} relationships, {Uninvited} uninvited");

    private static void Add(
        SortedDictionary<DepartmentId, (long Invitations, long Invited, long Answered, long Responses)> into, DepartmentId department, RelationshipResponses r)
    {
        var (invitations, invited, answered, responses) = into.GetValueOrDefault(department);
        into[department] = (invitations + 1, invited + r.Invited, answered + r.Answered, responses + r.Responses);
    }

    /// <summary>Rebuilds a summary from its parts exactly as <see cref="Campaign"/>, <see cref="Window"/>,
    /// <see cref="CsatTopBoxes"/> and <see cref="Relationships"/> give them (for example read back from a stored
    /// state), checking that they can be a summary; every other number is derived from them.</summary>
    /// <param name="campaign">The campaign's id.</param>
    /// <param name="window">The campaign's window, with a start and an end.</param>
    /// <param name="csatTopBoxes">How many of the highest points of a scale count as satisfied, at least 1.</param>
    /// <param name="relationships">The counts per relationship, sorted by relationship without repeats; each invited
    /// or with responses.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relationships"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is <c>default</c>, the window lacks a start or an end, the top boxes are
    /// below 1, or the relationships are out of order, repeated, or neither invited nor answered; the message says what
    /// was expected and what came, and the parameter name says which part.</exception>
    public static CampaignSummary FromParts(CampaignId campaign, Interval window, int csatTopBoxes, IEnumerable<RelationshipResponses> relationships)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        if (campaign.IsDefault)
        {
            throw new ArgumentException("Expected a campaign id; got the default id.", nameof(campaign));
        }

        if (!window.HasStart || !window.HasEnd)
        {
            throw new ArgumentException($"Expected a window with a start and an end; got {window}.", nameof(window));
        }

        CampaignGuard.TopBoxes(csatTopBoxes, nameof(csatTopBoxes));
        var list = ImmutableArray.CreateRange(relationships);
        for (var i = 0; i < list.Length; i++)
        {
            var r = list[i] ?? throw new ArgumentNullException(
                nameof(relationships),
                string.Create(CultureInfo.InvariantCulture, $"Expected the counts of a relationship at index {i}; got null."));
            if (r.Invited == 0 && r.Responses == 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected every relationship to be invited or to have responses; relationships[{i}] ({r}) has neither."),
                    nameof(relationships));
            }

            if (i > 0 && list[i - 1].Relationship.CompareTo(r.Relationship) >= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected the relationships sorted without repeats; relationships[{i}] ({r.Relationship.Provider} -> {r.Relationship.Consumer}) does not come after relationships[{i - 1}] ({list[i - 1].Relationship.Provider} -> {list[i - 1].Relationship.Consumer})."),
                    nameof(relationships));
            }
        }

        return new CampaignSummary(campaign, window, csatTopBoxes, list);
    }
}
