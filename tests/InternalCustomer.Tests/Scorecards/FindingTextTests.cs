using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Scorecards;
using NodaTime;
using static InternalCustomer.Tests.Scorecards.ScorecardTests;

namespace InternalCustomer.Tests.Scorecards;

/// <summary>The one formatter: exact sentences for every kind of finding and for attention items, in any culture.</summary>
public class FindingTextTests
{
    private static readonly ObjectiveCompliance Breached = new(AgreementId.Parse("hr-a"), Id("hr"), Id("line-a"), ObjectiveKind.Resolution, 0.9, new SlaTally(4, 2, 1, 0));

    public static TheoryData<Finding, string> Sentences() => new()
    {
        {
            new SlaMetButUnhappy(Id("it"), Id("line-a"), [], 5, 0.4, new ConfidenceInterval(0.117, 0.769, 0.95), 0.8, 2, 5),
            "SLA met but customer unhappy: it meets every time objective for line-a, yet only 40% of 5 responses are satisfied (95% interval 11.7%–76.9%, wholly below the target 80%)."
        },
        {
            new HappyButSlaBreached(Id("hr"), Id("line-a"), Breached, 20, 1, new ConfidenceInterval(0.839, 1, 0.9), 0.8, 2, 5),
            "Customer happy but SLA breached: line-a is satisfied with hr (100% of 20 responses; 90% interval 83.9%–100%, wholly at or above the target 80%) although resolution on time in 50% of 4 decided requests (target 90%); the target may be stricter than needed."
        },
        {
            new HeavyDependenceWithoutAgreement(Id("procurement"), Id("line-a"), Criticality.From(5), Criticality.From(4)),
            "Heavy dependence without agreement: line-a depends on procurement with criticality 5 of 5 and no agreement (the threshold is 4)."
        },
        {
            new FeedbackOverdue(Id("line-a"), Id("line-b"), AgreementId.Parse("a-b"), null, new LocalDate(2026, 1, 1), Period.FromMonths(1), new LocalDate(2026, 6, 1)),
            "Feedback overdue: line-b has given no feedback about line-a since agreement a-b took effect on 2026-01-01; agreement a-b asks for it every 1 month, so it was due by 2026-02-01, 120 days ago."
        },
        {
            new FeedbackOverdue(Id("line-a"), Id("line-b"), AgreementId.Parse("a-b"), Instant.FromUtc(2026, 4, 30, 0, 0), new LocalDate(2026, 4, 30), Period.FromYears(1) + Period.FromMonths(2), new LocalDate(2027, 7, 1)),
            "Feedback overdue: line-b has given no feedback about line-a since 2026-04-30; agreement a-b asks for it every 1 year 2 months, so it was due by 2027-06-30, 1 day ago."
        },
        {
            new DecliningSatisfaction(Id("hr"), Id("paint-shop"), -0.1834, null, 0.0000123, 24, 0.05),
            "Declining satisfaction: paint-shop about hr, -0.18 points per 30 days (p = 0.0000, below 0.05; n = 24)."
        },
        {
            new InheritedShortfall(Id("logistics"), 0.532, 0.0367, new SupplierShare(Id("procurement"), 0.03), 0.05, 0.05),
            "Inherited shortfall: logistics falls 53.2% short as a supplier, and 6.9% of that traces to its own suppliers, mostly procurement; look upstream first."
        },
        {
            new ReviewDue(AgreementId.Parse("a-b"), Id("line-a"), Id("line-b"), new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1), 120),
            "Review due: agreement a-b (line-a serving line-b), last reviewed on 2026-01-01, was due on 2026-02-01, 120 days ago."
        },
        {
            new ReviewDue(AgreementId.Parse("it-a"), Id("it"), Id("line-a"), new LocalDate(2026, 3, 1), new LocalDate(2026, 6, 1), 0),
            "Review due: agreement it-a (it serving line-a), last reviewed on 2026-03-01, was due on 2026-06-01 (today)."
        },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_finding_reads_as_one_exact_sentence_in_any_culture(Finding finding, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma and a group dot (the tests run in globalization-invariant mode, so it is built by hand).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            comma.NumberFormat.NegativeSign = "\u2212";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(expected, FindingText.Describe(finding));
            Assert.Equal(expected, finding.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Names_are_the_callers()
    {
        var finding = new HeavyDependenceWithoutAgreement(Id("procurement"), Id("line-a"), Criticality.From(5), Criticality.From(4));

        Assert.Equal(
            "Heavy dependence without agreement: Line A (line-a) depends on Procurement (procurement) with criticality 5 of 5 and no agreement (the threshold is 4).",
            FindingText.Describe(finding, id => id == Id("line-a") ? "Line A (line-a)" : "Procurement (procurement)"));
    }

    [Fact]
    public void Attention_items_read_as_the_breached_objective_the_satisfaction_shortfall_and_the_findings()
    {
        var card = Scorecard.Compute(Example(), Requests(), Responses(), new ScorecardOptions(AsOf));

        Assert.Equal(
            "line-a serves line-b: resolution on time in 0% of 2 decided requests (target 90%); no feedback within the review cadence. Dependence 4 of 5; 1 department relies on line-a directly or indirectly.",
            FindingText.Describe(card.Attention[0]));
        Assert.Equal(
            "it serves line-a: only 40% of 5 responses satisfied (target 80%); the SLA is met but the customer is unhappy, so the agreement may measure the wrong thing. Dependence 3 of 5; 2 departments rely on it directly or indirectly.",
            FindingText.Describe(card.Attention[1]));
        Assert.Equal(
            "hr serves line-a: resolution on time in 50% of 4 decided requests (target 90%); the customer is happy although the SLA is breached, so the target may be stricter than needed. Dependence 3 of 5; 2 departments rely on hr directly or indirectly.",
            FindingText.Describe(card.Attention[2]));
        Assert.Equal("3. " + FindingText.Describe(card.Attention[2]), card.Attention[2].ToString());
    }

    [Fact]
    public void Null_is_rejected_by_name()
    {
        Assert.Equal("finding", Assert.Throws<ArgumentNullException>(() => FindingText.Describe((Finding)null!)).ParamName);
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => FindingText.Describe((AttentionItem)null!)).ParamName);
    }
}
