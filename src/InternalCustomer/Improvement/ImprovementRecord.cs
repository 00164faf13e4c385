using System.Collections.Immutable;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Improvement;

/// <summary>
/// The improvement loop's record for one organisation: the feedback campaigns run, the review meetings held and the
/// improvement actions agreed, each checked against the organisation, with the queries the scorecard needs (when each
/// agreement was last reviewed, the actions on and the meetings of a relationship, the campaigns under way).
/// </summary>
/// <remarks>
/// <para>Build one with <see cref="TryCreate"/> (every problem as data, with its location) or <see cref="Create"/>
/// (throws <see cref="ProblemException"/>). Campaigns, meetings and actions are sorted by id; equality is by value.</para>
/// <para>A meeting reviews the agreements it names on its date; naming none, it reviews every agreement between its
/// provider and consumer in effect on that date.</para>
/// </remarks>
public sealed class ImprovementRecord : IEquatable<ImprovementRecord>
{
    private readonly ImmutableSortedDictionary<AgreementId, LocalDate> _lastReviews;
    private readonly ImmutableSortedDictionary<ActionId, ImprovementAction> _actions;
    private readonly Dictionary<Relationship, ImmutableArray<ImprovementAction>> _actionsOn;

    // Per agreement, the dates of the meetings that reviewed it, ascending without repeats (for LastReviewOn).
    private readonly ImmutableSortedDictionary<AgreementId, LocalDate[]> _reviewDates;

    private ImprovementRecord(
        ImmutableArray<FeedbackCampaign> campaigns,
        ImmutableArray<ReviewMeeting> meetings,
        ImmutableArray<ImprovementAction> actions,
        ImmutableSortedDictionary<AgreementId, LocalDate> lastReviews,
        ImmutableSortedDictionary<AgreementId, LocalDate[]> reviewDates)
    {
        _reviewDates = reviewDates;
        Campaigns = campaigns;
        Meetings = meetings;
        Actions = actions;
        _lastReviews = lastReviews;
        _actions = actions.ToImmutableSortedDictionary(a => a.Id, a => a);
        _actionsOn = actions.GroupBy(a => a.Relationship).ToDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>Gets an empty record (no campaigns, no meetings, no actions).</summary>
    public static ImprovementRecord Empty { get; } = new([], [], [], ImmutableSortedDictionary<AgreementId, LocalDate>.Empty, ImmutableSortedDictionary<AgreementId, LocalDate[]>.Empty);

    /// <summary>Gets the feedback campaigns, sorted by id.</summary>
    public ImmutableArray<FeedbackCampaign> Campaigns { get; }

    /// <summary>Gets the review meetings, sorted by id.</summary>
    public ImmutableArray<ReviewMeeting> Meetings { get; }

    /// <summary>Gets the improvement actions, sorted by id.</summary>
    public ImmutableArray<ImprovementAction> Actions { get; }

    /// <summary>Gets, for every agreement some meeting reviewed, the date of the latest such meeting (sorted by agreement id);
    /// fit for <c>ScorecardOptions.LastReviews</c>.</summary>
    public IReadOnlyDictionary<AgreementId, LocalDate> LastReviews => _lastReviews;

    /// <summary>Checks campaigns, meetings and actions against an organisation and records them.</summary>
    /// <param name="organization">The organisation the campaigns, meetings and actions belong to.</param>
    /// <param name="campaigns">The feedback campaigns.</param>
    /// <param name="meetings">The review meetings.</param>
    /// <param name="actions">The improvement actions.</param>
    /// <returns>The record, or every problem found, each located at its input (for example
    /// <c>$.actions[3].relationship</c> or <c>$.meetings[0].agreements[1]</c>, the indices those of the inputs as given)
    /// and naming the record at fault by its id (indices inside a meeting or a campaign, as in <c>present[j]</c> or
    /// <c>invitations[j]</c>, are those of its sorted lists): a <see langword="null"/> entry (<see cref="ProblemKind.MissingValue"/>);
    /// an id used twice (<see cref="ProblemKind.DuplicateId"/> at the later one's <c>id</c>); a provider, consumer, owner or
    /// department present that is not in the organisation; an action or meeting whose pair has neither an agreement nor a
    /// declared dependency; an invitation to a department that is not in the organisation
    /// (<see cref="FeedbackCampaign.Validate(Organization, ProblemLocation)"/>); a meeting naming an agreement that does not exist or an action that is not in
    /// <paramref name="actions"/> (all <see cref="ProblemKind.UnknownReference"/>); a meeting naming an agreement of another
    /// pair or agreeing an action on another relationship, or dated before the agreement it names starts (or, naming none, before every agreement of its pair starts)
    /// (<see cref="ProblemKind.InvalidValue"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Result<ImprovementRecord> TryCreate(Organization organization, IEnumerable<FeedbackCampaign> campaigns, IEnumerable<ReviewMeeting> meetings, IEnumerable<ImprovementAction> actions)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(actions);
        var problems = new List<Problem>();
        var actionList = actions.ToList();
        var meetingList = meetings.ToList();
        var actionRoot = ProblemLocation.Root.Property("actions");
        var campaignList = campaigns.ToList();
        var campaignRoot = ProblemLocation.Root.Property("campaigns");
        var campaignIds = new HashSet<CampaignId>();
        var goodCampaigns = new List<FeedbackCampaign>();
        for (var i = 0; i < campaignList.Count; i++)
        {
            var at = campaignRoot.Element(i);
            if (campaignList[i] is not { } campaign)
            {
                problems.Add(new Problem(ProblemKind.MissingValue, at, $"Campaign is missing (null)."));
                continue;
            }

            if (!campaignIds.Add(campaign.Id))
            {
                problems.Add(new Problem(ProblemKind.DuplicateId, at.Property("id"), $"Campaign '{campaign.Id}' repeats an id already used by another campaign."));
                continue;
            }

            goodCampaigns.Add(campaign);
            problems.AddRange(campaign.Validate(organization, at));
        }

        var meetingRoot = ProblemLocation.Root.Property("meetings");

        var actionIds = new HashSet<ActionId>();
        var goodActions = new List<ImprovementAction>();
        for (var i = 0; i < actionList.Count; i++)
        {
            var at = actionRoot.Element(i);
            if (actionList[i] is not { } action)
            {
                problems.Add(new Problem(ProblemKind.MissingValue, at, $"Action is missing (null)."));
                continue;
            }

            if (!actionIds.Add(action.Id))
            {
                problems.Add(new Problem(ProblemKind.DuplicateId, at.Property("id"), $"Action '{action.Id}' repeats an id already used by another action."));
                continue;
            }

            goodActions.Add(action);
            Pair(organization, action.Relationship, at.Property("relationship"), $"Action '{action.Id}'", problems);
            if (!organization.Contains(action.Owner))
            {
                problems.Add(new Problem(
                    ProblemKind.UnknownReference,
                    at.Property("owner"),
                    $"Action '{action.Id}' is owned by '{action.Owner}', which is not a department of this organization."));
            }
        }

        var agreements = organization.Agreements.ToDictionary(a => a.Id);
        var meetingIds = new HashSet<MeetingId>();
        var goodMeetings = new List<(ReviewMeeting Meeting, ImmutableArray<AgreementId> Reviewed)>();
        for (var i = 0; i < meetingList.Count; i++)
        {
            var at = meetingRoot.Element(i);
            if (meetingList[i] is not { } meeting)
            {
                problems.Add(new Problem(ProblemKind.MissingValue, at, $"Meeting is missing (null)."));
                continue;
            }

            var name = $"Meeting '{meeting.Id}'";
            if (!meetingIds.Add(meeting.Id))
            {
                problems.Add(new Problem(ProblemKind.DuplicateId, at.Property("id"), $"{name} repeats an id already used by another meeting."));
                continue;
            }

            var pairKnown = Pair(organization, meeting.Relationship, at.Property("relationship"), name, problems);
            for (var j = 0; j < meeting.Present.Length; j++)
            {
                if (!organization.Contains(meeting.Present[j]))
                {
                    problems.Add(new Problem(
                        ProblemKind.UnknownReference,
                        at.Property("present").Element(j),
                        $"{name} lists '{meeting.Present[j]}' as present, which is not a department of this organization."));
                }
            }

            for (var j = 0; j < meeting.ActionsAgreed.Length; j++)
            {
                if (!actionIds.Contains(meeting.ActionsAgreed[j]))
                {
                    problems.Add(new Problem(
                        ProblemKind.UnknownReference,
                        at.Property("actionsAgreed").Element(j),
                        $"{name} agreed action '{meeting.ActionsAgreed[j]}', which is not an action of this record."));
                }
                else if (goodActions.Find(a => a.Id == meeting.ActionsAgreed[j]) is { } agreed && agreed.Relationship != meeting.Relationship)
                {
                    problems.Add(new Problem(
                        ProblemKind.InvalidValue,
                        at.Property("actionsAgreed").Element(j),
                        $"{name} of {ImprovementGuard.Describe(meeting.Relationship)} agreed action '{agreed.Id}', which is on {ImprovementGuard.Describe(agreed.Relationship)}; a meeting agrees actions on its own relationship."));
                }
            }

            goodMeetings.Add((meeting, Reviewed(organization, agreements, meeting, pairKnown, at, name, problems)));
        }

        if (problems.Count > 0)
        {
            return Result.Failure<ImprovementRecord>(problems);
        }

        var lastReviews = new SortedDictionary<AgreementId, LocalDate>();
        var reviewDates = new Dictionary<AgreementId, SortedSet<LocalDate>>();
        foreach (var (meeting, reviewed) in goodMeetings)
        {
            foreach (var agreement in reviewed)
            {
                if (!lastReviews.TryGetValue(agreement, out var last) || meeting.Date > last)
                {
                    lastReviews[agreement] = meeting.Date;
                }

                if (!reviewDates.TryGetValue(agreement, out var dates))
                {
                    reviewDates[agreement] = dates = [];
                }

                dates.Add(meeting.Date);
            }
        }

        return Result.Success(new ImprovementRecord(
            [.. goodCampaigns.OrderBy(c => c.Id)],
            [.. goodMeetings.Select(m => m.Meeting).OrderBy(m => m.Id)],
            [.. goodActions.OrderBy(a => a.Id)],
            lastReviews.ToImmutableSortedDictionary(),
            reviewDates.ToImmutableSortedDictionary(d => d.Key, d => d.Value.ToArray())));
    }

    /// <summary>Checks campaigns, meetings and actions against an organisation and records them, throwing when any is at fault.</summary>
    /// <param name="organization">The organisation the campaigns, meetings and actions belong to.</param>
    /// <param name="campaigns">The feedback campaigns.</param>
    /// <param name="meetings">The review meetings.</param>
    /// <param name="actions">The improvement actions.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ProblemException">Some input is at fault; <see cref="ProblemException.Problems"/> lists every problem
    /// <see cref="TryCreate"/> would report.</exception>
    public static ImprovementRecord Create(Organization organization, IEnumerable<FeedbackCampaign> campaigns, IEnumerable<ReviewMeeting> meetings, IEnumerable<ImprovementAction> actions) =>
        TryCreate(organization, campaigns, meetings, actions).GetValueOrThrow();

    /// <summary>Gets a campaign by id.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a campaign of this record.</exception>
    public FeedbackCampaign GetCampaign(CampaignId id) =>
        Campaigns.FirstOrDefault(c => c.Id == id)
        ?? throw new ArgumentException($"Expected a campaign of this record; got '{id.Value}', which is not one.", nameof(id));

    /// <summary>Gets the latest campaign whose window has begun by an instant: the one to report response rate and
    /// coverage for (the scorecard's <c>OrganizationHealth.LatestCampaign</c>).</summary>
    /// <param name="asOf">The instant (for example the as-of instant of a scorecard).</param>
    /// <returns>The campaign whose <see cref="FeedbackCampaign.Window"/> starts latest at or before <paramref name="asOf"/>
    /// (ties: the greatest id), or <see langword="null"/> when none has begun. Each campaign's start is read in its own zone.</returns>
    public FeedbackCampaign? LatestCampaign(Instant asOf) =>
        Campaigns.Where(c => c.Window.Start <= asOf).OrderBy(c => c.Window.Start).ThenBy(c => c.Id).LastOrDefault();

    /// <summary>Gets the date of the latest meeting that reviewed an agreement.</summary>
    /// <param name="agreement">The agreement's id.</param>
    /// <returns>The date, or <see langword="null"/> when no meeting of this record reviewed it.</returns>
    public LocalDate? LastReview(AgreementId agreement) => _lastReviews.TryGetValue(agreement, out var date) ? date : null;

    /// <summary>Gets the date of the latest meeting on or before a date that reviewed an agreement: the last review as it was
    /// known on that date (a scorecard as of an earlier date must not count a meeting held later).</summary>
    /// <param name="agreement">The agreement's id.</param>
    /// <param name="date">The date; meetings after it do not count.</param>
    /// <returns>The date, or <see langword="null"/> when no meeting of this record reviewed the agreement on or before <paramref name="date"/>.</returns>
    public LocalDate? LastReviewOn(AgreementId agreement, LocalDate date)
    {
        if (!_reviewDates.TryGetValue(agreement, out var dates))
        {
            return null;
        }

        // The dates ascend: the greatest one not after the date.
        var at = Array.BinarySearch(dates, date);
        var index = at >= 0 ? at : ~at - 1;
        return index >= 0 ? dates[index] : null;
    }

    /// <summary>Gets an action by id.</summary>
    /// <param name="id">The action's id.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an action of this record.</exception>
    public ImprovementAction GetAction(ActionId id) =>
        _actions.TryGetValue(id, out var action)
            ? action
            : throw new ArgumentException($"Expected an action of this record; got '{id.Value}', which is not one.", nameof(id));

    /// <summary>Gets the actions on a relationship.</summary>
    /// <param name="relationship">The provider and consumer.</param>
    /// <returns>The actions whose relationship it is, sorted by id; empty if there are none.</returns>
    public ImmutableArray<ImprovementAction> ActionsOn(Relationship relationship) => _actionsOn.TryGetValue(relationship, out var on) ? on : [];

    /// <summary>Finds an action by id without throwing (the effect measurement's lookup).</summary>
    internal ImprovementAction? FindAction(ActionId id) => _actions.TryGetValue(id, out var action) ? action : null;

    /// <summary>Gets the meetings of a relationship.</summary>
    /// <param name="relationship">The provider and consumer.</param>
    /// <returns>The meetings between them, sorted by date, then id; empty if there are none.</returns>
    public ImmutableArray<ReviewMeeting> MeetingsOf(Relationship relationship) =>
        [.. Meetings.Where(m => m.Relationship == relationship).OrderBy(m => m.Date).ThenBy(m => m.Id)];

    /// <summary>Compares the meetings and actions.</summary>
    /// <param name="other">The record to compare with.</param>
    /// <returns><see langword="true"/> if both hold equal campaigns, equal meetings and equal actions (and so the same last reviews).</returns>
    public bool Equals(ImprovementRecord? other) =>
        other is not null
        && Campaigns.SequenceEqual(other.Campaigns)
        && Meetings.SequenceEqual(other.Meetings)
        && Actions.SequenceEqual(other.Actions)
        && _lastReviews.SequenceEqual(other._lastReviews);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ImprovementRecord);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in Campaigns)
        {
            hash.Add(c);
        }

        foreach (var m in Meetings)
        {
            hash.Add(m);
        }

        foreach (var a in Actions)
        {
            hash.Add(a);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Improvement record: {Campaigns.Length} campaigns, {Meetings.Length} meetings, {Actions.Length} actions";

    // Reports unknown departments and a pair without agreement or dependency; true when both departments are known.
    private static bool Pair(Organization organization, Relationship relationship, ProblemLocation at, string name, List<Problem> problems)
    {
        var known = true;
        if (!organization.Contains(relationship.Provider))
        {
            problems.Add(new Problem(ProblemKind.UnknownReference, at.Property("provider"), $"{name} names provider '{relationship.Provider}', which is not a department of this organization."));
            known = false;
        }

        if (!organization.Contains(relationship.Consumer))
        {
            problems.Add(new Problem(ProblemKind.UnknownReference, at.Property("consumer"), $"{name} names consumer '{relationship.Consumer}', which is not a department of this organization."));
            known = false;
        }

        if (known && !ImprovementGuard.Exists(organization, relationship))
        {
            problems.Add(new Problem(
                ProblemKind.UnknownReference,
                at,
                $"{name} is on {ImprovementGuard.Describe(relationship)}, a relationship that does not exist: no agreement and no declared dependency between them."));
        }

        return known;
    }

    // The agreements a meeting reviews, reporting unknown ones, those of another pair, and a date before they start.
    private static ImmutableArray<AgreementId> Reviewed(
        Organization organization,
        Dictionary<AgreementId, Agreements.ServiceAgreement> agreements,
        ReviewMeeting meeting, bool pairKnown, ProblemLocation at, string name, List<Problem> problems)
    {
        var day = ImprovementGuard.Day(meeting.Date);
        if (meeting.Agreements.IsEmpty)
        {
            if (!pairKnown)
            {
                return [];
            }

            var between = ImprovementGuard.AgreementsBetween(organization, meeting.Relationship);
            if (!between.IsEmpty && between.All(a => meeting.Date < a.EffectiveFrom))
            {
                var first = between.MinBy(a => a.EffectiveFrom)!;
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    at.Property("date"),
                    $"{name} is dated {day}, before every agreement between {ImprovementGuard.Describe(meeting.Relationship)} starts (the first, '{first.Id}', on {ImprovementGuard.Day(first.EffectiveFrom)})."));
            }

            return [.. between.Where(a => a.IsEffectiveOn(meeting.Date)).Select(a => a.Id)];
        }

        for (var j = 0; j < meeting.Agreements.Length; j++)
        {
            var id = meeting.Agreements[j];
            var where = at.Property("agreements").Element(j);
            if (!agreements.TryGetValue(id, out var agreement))
            {
                problems.Add(new Problem(ProblemKind.UnknownReference, where, $"{name} reviews agreement '{id}', which is not an agreement of this organization."));
            }
            else if (agreement.Provider != meeting.Relationship.Provider || agreement.Consumer != meeting.Relationship.Consumer)
            {
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    where,
                    $"{name} of {ImprovementGuard.Describe(meeting.Relationship)} reviews agreement '{id}', which is between {agreement.Provider} → {agreement.Consumer}."));
            }
            else if (meeting.Date < agreement.EffectiveFrom)
            {
                problems.Add(new Problem(
                    ProblemKind.InvalidValue,
                    at.Property("date"),
                    $"{name} is dated {day}, before agreement '{id}' it reviews starts on {ImprovementGuard.Day(agreement.EffectiveFrom)}."));
            }
        }

        return meeting.Agreements;
    }
}
