using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Feedback;
using InternalCustomer.Improvement;
using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using NodaTime;

namespace InternalCustomer.Tests.Cli;

/// <summary>The report's Improvement section over the built-in example with a small hand-made record: the two planted
/// actions (logistics for final assembly, HR for the paint shop), one action in flight, one review meeting and a campaign
/// over the quiet quarter. Verdicts are those the issue plants; the campaign's numbers are counted here from the responses.</summary>
public class ImprovementSectionTests
{
    private static readonly Organization Organization = ExampleOrganization.Organization();
    private static readonly IReadOnlyList<ServiceRequest> Requests = ExampleOrganization.Requests(Organization);
    private static readonly IReadOnlyList<FeedbackResponse> Responses = ExampleOrganization.Responses(Organization);
    private static readonly Instant AsOf = Scorecard.DataEnds([.. Requests], [.. Responses])!.Value;
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static DepartmentId Id(string id) => DepartmentId.Parse(id);

    private static Relationship Pair((string Provider, string Consumer) pair) => new(Id(pair.Provider), Id(pair.Consumer));

    private static readonly ImprovementAction Logistics = new(
        ActionId.Parse("act-logistics"), Pair(ExampleOrganization.LogisticsAction), Id("logistics"), "Dedicated feeding route",
        ExampleOrganization.LogisticsActionStarted, ImprovementStatus.Completed, ExampleOrganization.LogisticsActionCompleted);

    private static readonly ImprovementAction Hr = new(
        ActionId.Parse("act-hr"), Pair(ExampleOrganization.HrAction), Id("hr"), "Stand-by staff pool",
        ExampleOrganization.HrActionStarted, ImprovementStatus.Completed, ExampleOrganization.HrActionCompleted);

    private static readonly ImprovementAction Desk = new(
        ActionId.Parse("act-desk"), Pair(ExampleOrganization.PerPriority), Id("it-service-desk"), "P1 hotline",
        new LocalDate(2026, 5, 4), ImprovementStatus.InProgress);

    // Who is asked to rate whom in the quiet quarter, and how many people each: four pairs (the quality lab has no agreement
    // with HR, so it never rates it), and the quiet consumer about each of its providers.
    private static readonly (string Provider, string Consumer, int Invited)[] Invitations =
    [
        ("logistics", "assembly", 2), ("hr", "paint-shop", 4), ("it-service-desk", "finance", 6), ("hr", "quality-lab", 2),
        .. Organization.AgreementsConsumedBy(Id(ExampleOrganization.QuietConsumer)).Select(a => a.Provider.Value).Distinct().Select(p => (p, ExampleOrganization.QuietConsumer, 1)),
    ];

    private static readonly FeedbackCampaign Campaign = new(
        CampaignId.Parse("q2-2026"),
        ExampleOrganization.QuietQuarter,
        Berlin,
        Invitations.Select(i => new Invitation(new Relationship(Id(i.Provider), Id(i.Consumer)), i.Invited)));

    // The meeting of logistics and final assembly at the end of the data reviews their agreements.
    private static readonly ReviewMeeting Meeting = new(
        MeetingId.Parse("m-log-asm"), Pair(ExampleOrganization.LogisticsAction), AsOf.InUtc().Date, [Id("logistics"), Id("assembly")]);

    private static readonly ImprovementRecord Record = ImprovementRecord.Create(Organization, [Campaign], [Meeting], [Logistics, Hr, Desk]);

    private static readonly OrganizationAnalysis Analysis = new(Organization, Requests, Responses, AsOf, "built-in example", Record);

    [Fact]
    public void The_section_lists_the_action_in_flight_then_the_finished_ones_with_their_verdicts()
    {
        var section = Analysis.ImprovementSection();

        Assert.Equal("improvement", section.Key);
        Assert.Equal(
            ["action", "provider", "consumer", "owner", "status", "started", "completed", "verdict", "CSAT before → after", "on time before → after", "mean score before → after", "caveats"],
            section.Headers);
        Assert.Equal(["act-desk", "act-hr", "act-logistics"], section.TextRows.Select(r => r[0]));
        Assert.Equal(
            ["act-desk", "it-service-desk", "finance", "it-service-desk", "in progress", "2026-05-04", "-", "in flight", "-", "-", "-", string.Empty],
            section.TextRows[0]);

        // The planted outcomes: logistics' action worked; HR's cannot be told from noise, with few responses in a window
        // and the after window cut at the end of the data.
        var logistics = section.TextRows[2];
        Assert.Equal(["act-logistics", "logistics", "assembly", "logistics", "completed", "2026-01-05", "2026-02-27", "improved"], logistics.Take(8));
        var hr = section.TextRows[1];
        Assert.Equal(["act-hr", "hr", "paint-shop", "hr", "completed", "2026-04-13", "2026-06-01"], hr.Take(7));
        // Two responses after (CSAT 2/6 → 0/2): no rise could show in windows that small; on time was 100% before.
        // The mean's minimum detectable rise, from the paint shop's scores about HR in the windows (docs/examples/responses.csv:
        // 4, 3, 4, 3, 3, 3 before; 2, 3 after). R: b <- c(4,3,4,3,3,3); a <- c(2,3); s <- sqrt((5*var(b) + var(a)) / 6)
        //    power.t.test(n = 2, sd = s, power = 0.8, sig.level = 0.05, tol = 1e-14)$delta = 3.1250837754927483
        Assert.Equal(
            "no detectable change (CSAT: cannot tell yet, too few to show even a rise to 100%; on time already at 100%; mean score could show +3.13)",
            hr[7]);
        Assert.Contains("few responses", hr[11], StringComparison.Ordinal);
        Assert.Contains("after window cut at the as-of date", hr[11], StringComparison.Ordinal);

        // The before → after columns: the shares and counts of the planted data (ExampleImprovementDataTests counts them:
        // CSAT 0/6 → 6/6, on time 8/20 → 15/15; logistics' other lines 7/30 → 8/30 and 34/86 → 36/84) with the p-value
        // each outcome was judged by, the difference-in-differences. R: did <- function(tb, nb, ta, na, cb, ncb, ca, nca) {
        //   y <- c(rep(1,tb), rep(0,nb-tb), rep(1,ta), rep(0,na-ta), rep(1,cb), rep(0,ncb-cb), rep(1,ca), rep(0,nca-ca))
        //   tr <- c(rep(1,nb+na), rep(0,ncb+nca)); af <- c(rep(0,nb), rep(1,na), rep(0,ncb), rep(1,nca))
        //   summary(lm(y ~ tr*af))$coefficients["tr:af", 4] }
        // did(0,6,6,6,7,30,8,30) = 0.0003550686588; did(8,20,15,15,34,86,36,84) = 0.00178256402.
        Assert.Equal("0.0% → 100.0% (6 → 6 responses, p 0.0004 against controls)", logistics[8]);
        Assert.Equal("40.0% → 100.0% (20 → 15 requests, p 0.0018 against controls)", logistics[9]);
    }


    [Fact]
    public void The_notes_give_the_campaign_s_response_rate_coverage_and_non_responders_and_the_reviews_due()
    {
        var notes = Analysis.ImprovementSection().Notes;

        // Counted here: the responses of each invited consumer about its provider in the quarter (Berlin days) by the
        // as-of instant; answered = min(responses, invited); covered = at least five responses.
        var window = new Interval(Berlin.AtStartOfDay(ExampleOrganization.QuietQuarter.Start).ToInstant(), Berlin.AtStartOfDay(ExampleOrganization.QuietQuarter.End.PlusDays(1)).ToInstant());
        var counts = Invitations.Select(i => (i.Consumer, i.Invited, Count: Responses.Count(r =>
            r.Subject == Id(i.Provider) && r.Respondent == Id(i.Consumer) && window.Contains(r.Instant) && r.Instant <= AsOf))).ToList();
        var answered = counts.Sum(c => Math.Min(c.Count, c.Invited));
        var invited = counts.Sum(c => c.Invited);
        var covered = counts.Count(c => c.Count >= 5);

        // The quiet consumer answers once in the quarter, about one of its three providers: not covered anywhere.
        Assert.Equal([0, 0, 1], counts.Where(c => c.Consumer == ExampleOrganization.QuietConsumer).Select(c => c.Count).Order());
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"Campaign q2-2026 (2026-04-01 to 2026-06-30): response rate {100.0 * answered / invited:0.0}% ({answered} of {invited} invited); coverage {100.0 * covered / counts.Count:0.0}% of {counts.Count} relationships with at least 5 responses."),
            notes[0]);
        // Non-responding consumers: none of their invitations answered (the quiet one answered one of three).
        var silent = counts.GroupBy(c => c.Consumer).Where(g => g.Sum(c => c.Count) == 0).Select(g => g.Key).Order().ToList();
        Assert.Equal(["quality-lab"], silent);
        Assert.Equal(
            silent.Count == 0 ? "Every invited consumer responded at least once." : "Not responding: " + string.Join(", ", silent.Select(s => $"{Organization.GetDepartment(Id(s)).Name} ({s})")) + ".",
            notes[1]);

        // The consumer answering least, when under half the campaign's rate: the quiet one, one answer for its invitations.
        var quiet = counts.Where(c => c.Consumer == ExampleOrganization.QuietConsumer).ToList();
        var quietAnswered = quiet.Sum(c => Math.Min(c.Count, c.Invited));
        var quietInvited = quiet.Sum(c => c.Invited);
        Assert.True((double)quietAnswered / quietInvited < 0.5 * answered / invited);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"Answering least: Quality (quality), {quietAnswered} of {quietInvited} invited ({100.0 * quietAnswered / quietInvited:0.0}%), under half the campaign's rate."),
            notes[2]);

        // The meeting reviewed the agreements of logistics and final assembly: exactly those leave the reviews due.
        var without = new OrganizationAnalysis(Organization, Requests, Responses, AsOf, "built-in example");
        var pair = Organization.Agreements.Where(a => a.Provider == Id("logistics") && a.Consumer == Id("assembly")).Select(a => a.Id).ToHashSet();
        var before = without.Scorecard.ReviewsDue;
        Assert.Contains(before, r => pair.Contains(r.Agreement));
        Assert.Equal($"Reviews due: {before.Count(r => !pair.Contains(r.Agreement))} agreement(s), counting the recorded review meetings.", notes[3]);
        Assert.Equal(4, notes.Count);
    }

    [Fact]
    public void Without_a_record_the_section_says_so_and_counts_the_reviews_due()
    {
        var without = new OrganizationAnalysis(Organization, Requests, Responses, AsOf, "built-in example");
        var section = without.ImprovementSection();

        Assert.Empty(section.TextRows);
        Assert.Equal(
            ["No improvement record: no actions, meetings or campaigns are known (pass --improvement).", $"Reviews due: {without.Scorecard.ReviewsDue.Length} agreement(s), counting the recorded review meetings."],
            section.Notes);
        Assert.Null(without.Options.Improvement);

        // The tool's empty record (an organisation file without --improvement) says the same.
        var empty = new OrganizationAnalysis(Organization, Requests, Responses, AsOf, "built-in example", ImprovementRecord.Empty);
        Assert.Equal(section.Notes, empty.ImprovementSection().Notes);
        Assert.Same(Record, Analysis.Options.Improvement);
    }
}
