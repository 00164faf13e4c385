using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Interchange;

/// <summary>
/// Issue 11 in the organisation document: declared priorities, objective sets, business days, clock conditions and
/// exclusion windows; the rule that business time has no date part; round trips and located problems.
/// </summary>
public class OrganizationAgreementsJsonTests
{
    private static readonly ProblemLocation Agreement0 = ProblemLocation.Root.Property("agreements").Element(0);

    /// <summary>A document with two services, a calendar, four priorities and one agreement whose body is given.</summary>
    private static string Document(string agreementParts, string priorities = """["P1", "P2", "P3", "P4"]""") => $$"""
        {
          "schemaVersion": 1,
          "departments": [ { "id": "it", "name": "IT" }, { "id": "finance", "name": "Finance" } ],
          "services": [ { "id": "desk", "name": "Service desk", "provider": "it" }, { "id": "laptops", "name": "Laptops", "provider": "it" },
                        { "id": "hiring", "name": "Hiring", "provider": "finance" } ],
          "priorities": {{priorities}},
          "calendars": [ { "id": "berlin", "zone": "Europe/Berlin", "windows": { "monday": ["08:00-17:00"], "tuesday": ["08:00-17:00"] } } ],
          "agreements": [
            { "id": "it-finance", "provider": "it", "consumer": "finance", "services": ["desk", "laptops"], "calendar": "berlin",
              "effectiveFrom": "2026-01-01", "reviewCadence": "P3M", {{agreementParts}} }
          ]
        }
        """;

    private static string Resolution(string objectiveParts) => $$""" "resolution": { {{objectiveParts}} } """;

    private static Problem Single(string json)
    {
        var result = OrganizationJson.Read(json);
        Assert.False(result.IsSuccess);
        return Assert.Single(result.Problems);
    }

    private static void AssertProblem(string json, ProblemKind kind, ProblemLocation at, string message)
    {
        var problem = Single(json);
        Assert.Equal((kind, at, message), (problem.Kind, problem.Location, problem.Message));
    }

    // ---- The whole shape, read into the model and written back byte for byte ----

    /// <summary>Every new field in the writer's own form: sets in agreement order, selector values and statuses sorted,
    /// exclusions by start, durations with a time part only, defaults omitted.</summary>
    private const string Canonical = """
        {
          "schemaVersion": 1,
          "departments": [
            {
              "id": "finance",
              "name": "Finance"
            },
            {
              "id": "it",
              "name": "IT"
            }
          ],
          "services": [
            {
              "id": "desk",
              "name": "Service desk",
              "provider": "it"
            },
            {
              "id": "laptops",
              "name": "Laptops",
              "provider": "it"
            }
          ],
          "dependencies": [],
          "priorities": [
            "P1",
            "P2",
            "P3",
            "P4"
          ],
          "calendars": [
            {
              "id": "berlin",
              "zone": "Europe/Berlin",
              "windows": {
                "monday": [
                  "08:00-17:00"
                ]
              }
            }
          ],
          "agreements": [
            {
              "id": "it-finance",
              "provider": "it",
              "consumer": "finance",
              "services": [
                "desk",
                "laptops"
              ],
              "calendar": "berlin",
              "effectiveFrom": "2026-01-01",
              "reviewCadence": "P3M",
              "objectiveSets": [
                {
                  "name": "P1",
                  "priorities": [
                    "P1"
                  ],
                  "firstResponse": {
                    "within": "PT30M",
                    "target": 0.95
                  },
                  "resolution": {
                    "within": "PT4H",
                    "target": 0.9,
                    "warningThresholds": [
                      0.5,
                      0.75,
                      1
                    ],
                    "clock": {
                      "statuses": {
                        "In Progress": "run",
                        "New": "start",
                        "Reopened": "start",
                        "Reset": "reset",
                        "Resolved": "stop",
                        "Waiting for customer": "pause",
                        "Withdrawn": "cancel"
                      },
                      "retroactiveStart": true
                    }
                  }
                },
                {
                  "name": "P3",
                  "priorities": [
                    "P3",
                    "P4"
                  ],
                  "services": [
                    "desk"
                  ],
                  "categories": [
                    "hardware",
                    "software"
                  ],
                  "firstResponse": {
                    "withinBusinessDays": 1,
                    "target": 0.9
                  },
                  "resolution": {
                    "withinBusinessDays": 5,
                    "target": 0.9
                  }
                }
              ],
              "exclusions": [
                {
                  "from": "2026-06-06T06:00:00Z",
                  "until": "2026-06-06T10:00:00Z",
                  "reason": "ERP upgrade",
                  "effect": "excludeTime"
                },
                {
                  "from": "2026-07-01T08:00:00Z",
                  "until": "2026-07-01T08:30:00.5Z",
                  "reason": "Incident 42",
                  "effect": "excludeRequests"
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void Every_new_field_is_read_into_the_model()
    {
        var organization = OrganizationJson.Read(Canonical).GetValueOrThrow();

        Assert.Equal(["P1", "P2", "P3", "P4"], organization.Priorities.Select(p => p.Value));
        var agreement = Assert.Single(organization.Agreements);
        Assert.Equal(["P1", "P3"], agreement.ObjectiveSets.Select(s => s.Name));

        var p1 = agreement.ObjectiveSets[0];
        Assert.Equal(RequestSelector.ForPriorities(PriorityId.Parse("P1")), p1.Selector);
        Assert.Equal(TimeObjective.FirstResponseWithin(Duration.FromMinutes(30), 0.95), p1.FirstResponse);
        var clock = new ClockConditions(
            new Dictionary<string, ClockAction>
            {
                ["New"] = ClockAction.Start, ["In Progress"] = ClockAction.Run, ["Waiting for customer"] = ClockAction.Pause,
                ["Resolved"] = ClockAction.Stop, ["Reopened"] = ClockAction.Start, ["Withdrawn"] = ClockAction.Cancel, ["Reset"] = ClockAction.Reset,
            },
            retroactiveStart: true);
        Assert.Equal(new TimeObjective(ObjectiveKind.Resolution, Duration.FromHours(4), 0.9, [0.5, 0.75, 1]).WithClock(clock), p1.Resolution);

        var p3 = agreement.ObjectiveSets[1];
        Assert.Equal(
            new RequestSelector([PriorityId.Parse("P3"), PriorityId.Parse("P4")], [ServiceId.Parse("desk")], ["hardware", "software"]),
            p3.Selector);
        Assert.Equal(TimeObjective.FirstResponseWithinBusinessDays(1, 0.9), p3.FirstResponse);
        Assert.Equal(5, p3.Resolution!.BusinessDays);
        Assert.Equal(Duration.Zero, p3.Resolution.Within);

        Assert.Equal<ExclusionWindow>(
            [
                new ExclusionWindow(new Interval(Instant.FromUtc(2026, 6, 6, 6, 0), Instant.FromUtc(2026, 6, 6, 10, 0)), "ERP upgrade", ExclusionEffect.ExcludeTime),
                new ExclusionWindow(
                    new Interval(Instant.FromUtc(2026, 7, 1, 8, 0), Instant.FromUtc(2026, 7, 1, 8, 30).PlusNanoseconds(500_000_000)),
                    "Incident 42",
                    ExclusionEffect.ExcludeRequests),
            ],
            agreement.Exclusions);
    }

    [Fact]
    public void The_canonical_document_is_written_back_byte_for_byte()
    {
        var organization = OrganizationJson.Read(Canonical).GetValueOrThrow();

        Assert.Equal(Canonical.ReplaceLineEndings("\n"), OrganizationJson.WriteToString(organization).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Statuses_selector_values_and_exclusions_are_written_sorted_whatever_the_input_order()
    {
        var shuffled = Document("""
            "objectiveSets": [
              { "name": "low", "priorities": ["P4", "P3"], "categories": ["software", "hardware"], "resolution": { "within": "PT40H", "target": 0.9 } },
              { "name": "high", "priorities": ["P2", "P1"],
                "resolution": { "within": "PT4H", "target": 0.9, "clock": { "statuses": { "Resolved": "stop", "New": "start", "In Progress": "run" } } } }
            ],
            "exclusions": [
              { "from": "2026-07-01T10:00:00+02:00", "until": "2026-07-01T12:00:00+02:00", "reason": "later", "effect": "excludeTime" },
              { "from": "2026-06-01T08:00:00Z", "until": "2026-06-01T09:00:00Z", "reason": "earlier", "effect": "excludeRequests" }
            ]
            """);

        var written = OrganizationJson.WriteToString(OrganizationJson.Read(shuffled).GetValueOrThrow());

        // Sets keep the agreement's order (low before high); the values inside them are sorted.
        Assert.True(written.IndexOf("\"low\"", StringComparison.Ordinal) < written.IndexOf("\"high\"", StringComparison.Ordinal));
        Assert.Contains("\"P3\",\n            \"P4\"", written.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"hardware\",\n            \"software\"", written.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(
            "\"In Progress\": \"run\",\n                \"New\": \"start\",\n                \"Resolved\": \"stop\"",
            written.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.True(written.IndexOf("\"earlier\"", StringComparison.Ordinal) < written.IndexOf("\"later\"", StringComparison.Ordinal));
        Assert.Contains("\"from\": \"2026-07-01T08:00:00Z\"", written, StringComparison.Ordinal);
        Assert.Equal(written, OrganizationJson.WriteToString(OrganizationJson.Read(written).GetValueOrThrow()));
    }

    [Fact]
    public void Business_time_of_48_hours_is_written_as_PT48H_never_as_P2D()
    {
        var read = OrganizationJson.Read(Document(Resolution(""" "within": "PT48H", "target": 0.9 """))).GetValueOrThrow();

        Assert.Equal(Duration.FromHours(48), read.Agreements[0].Resolution!.Within);
        var written = OrganizationJson.WriteToString(read);
        Assert.Contains("\"within\": \"PT48H\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("P2D", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "PT0S")]
    [InlineData(90L * 60 * 1_000_000_000, "PT1H30M")]
    [InlineData(36525L * 86_400 * 1_000_000_000, "PT876600H")] // SupportedRange.MaxDuration, the longest read
    [InlineData((36525L * 86_400 * 1_000_000_000) - 1, "PT876599H59M59.999999999S")]
    [InlineData(500_000_000L, "PT0.5S")]
    [InlineData(3_600_000_000_001L, "PT1H0.000000001S")]
    [InlineData(-5_400_000_000_000L, "PT-1H-30M")]
    public void Durations_are_written_in_hours_minutes_and_seconds(long nanoseconds, string expected)
    {
        Assert.Equal(expected, NodaText.Format(Duration.FromNanoseconds(nanoseconds)));
        Assert.True(NodaText.TryParseDuration(expected, out var back));
        Assert.Equal(Duration.FromNanoseconds(nanoseconds), back);
    }

    // ---- Round trips ----

    [Property(Arbitrary = new[] { typeof(AgreementDocumentGenerators) }, MaxTest = 200)]
    public void Write_then_read_gives_an_equal_organization_with_priorities_sets_business_days_clocks_and_exclusions(Organization organization)
    {
        var read = OrganizationJson.Read(Encoding.UTF8.GetBytes(OrganizationJson.WriteToString(organization)));

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(organization, read.Value);
        Assert.Equal<PriorityId>(organization.Priorities, read.Value!.Priorities);
        Assert.True(organization.Agreements.SequenceEqual(read.Value.Agreements));
        Assert.Equal(
            organization.Agreements.Select(a => (a.ObjectiveSets.Length, a.Exclusions.Length)),
            read.Value.Agreements.Select(a => (a.ObjectiveSets.Length, a.Exclusions.Length)));
    }

    [Property(Arbitrary = new[] { typeof(AgreementDocumentGenerators) }, MaxTest = 200)]
    public void Read_then_write_of_a_written_document_is_byte_stable(Organization organization)
    {
        var written = OrganizationJson.WriteToString(organization);

        Assert.Equal(written, OrganizationJson.WriteToString(OrganizationJson.Read(written).GetValueOrThrow()));
    }

    [Fact]
    public void The_generator_reaches_every_part_of_the_shape()
    {
        var organizations = Enumerable.Range(0, 60).Select(AgreementDocumentGenerators.OrganizationWithObjectiveSets).ToList();
        var agreements = organizations.SelectMany(o => o.Agreements).ToList();
        var objectives = agreements.SelectMany(a => a.ObjectiveSets).SelectMany(s => new[] { s.FirstResponse, s.Resolution }).OfType<TimeObjective>().ToList();

        Assert.Contains(organizations, o => o.Priorities.Length > 0);
        Assert.Contains(agreements, a => a.ObjectiveSets.Length > 1);
        Assert.Contains(agreements, a => a.ObjectiveSets.Any(s => !s.Selector.Priorities.IsEmpty && !s.Selector.Services.IsEmpty));
        Assert.Contains(agreements, a => a.ObjectiveSets.Any(s => !s.Selector.Categories.IsEmpty));
        Assert.Contains(agreements, a => a.ObjectiveSets is [{ Selector.IsAny: true, Name: not ObjectiveSet.DefaultName }]);
        Assert.Contains(agreements, a => a.Exclusions.Length > 1);
        Assert.Contains(objectives, o => o.BusinessDays is not null);
        Assert.Contains(objectives, o => o.Clock is { RetroactiveStart: true });
        Assert.All(Enum.GetValues<ClockAction>(), action => Assert.Contains(objectives, o => o.Clock is { } c && c.Statuses.ContainsValue(action)));
    }

    [Property(Arbitrary = new[] { typeof(AgreementDocumentGenerators) }, MaxTest = 500)]
    public void Random_mutations_of_documents_with_the_new_fields_never_throw(MutatedDocument document)
    {
        var result = OrganizationJson.Read(document.Bytes);

        Assert.True(result.IsSuccess != (result.Problems.Length > 0));
        Assert.All(result.Problems, p => Assert.True(Enum.IsDefined(p.Kind) && !string.IsNullOrWhiteSpace(p.Location.ToString())));
    }

    // ---- Business time has no date part ----

    public static TheoryData<string, string> DatePartDurations => new()
    {
        {
            "P2D",
            "\"P2D\" has a date part; as business time it would mean 48 hours of working time (6 working days of 8 hours), not 2 business days. "
            + "Write \"PT48H\" for 48 business hours or \"withinBusinessDays\": 2 for 2 business days."
        },
        {
            "P1D",
            "\"P1D\" has a date part; as business time it would mean 24 hours of working time (3 working days of 8 hours), not 1 business day. "
            + "Write \"PT24H\" for 24 business hours or \"withinBusinessDays\": 1 for 1 business day."
        },
        {
            "P1W",
            "\"P1W\" has a date part; as business time it would mean 168 hours of working time (21 working days of 8 hours), not 1 week. "
            + "Write \"PT168H\" for 168 business hours or \"withinBusinessDays\": 5 for the 5 business days of 1 Monday-to-Friday week."
        },
        {
            "P1W2D",
            "\"P1W2D\" has a date part; as business time it would mean 216 hours of working time (27 working days of 8 hours), not 1 week and 2 days. "
            + "Write \"PT216H\" for 216 business hours or \"withinBusinessDays\": 9 for 9 business days."
        },
        {
            "P1DT4H",
            "\"P1DT4H\" has a date part; as business time it would mean 28 hours of working time (3.5 working days of 8 hours), not 1 business day and 4 business hours. "
            + "Write \"PT28H\" for 28 business hours or \"withinBusinessDays\" for whole business days (an objective counts either business time or business days)."
        },
        {
            "P1DT30M",
            "\"P1DT30M\" has a date part; as business time it would mean 24.5 hours of working time (3.06 working days of 8 hours), not 1 business day and 0.5 business hours. "
            + "Write \"PT24H30M\" for 24.5 business hours or \"withinBusinessDays\" for whole business days (an objective counts either business time or business days)."
        },
        {
            "P1M",
            "\"P1M\" has a date part in months, which have no fixed length, so it is no amount of business time. "
            + "Write business time with a time part only, in hours (such as \"PT160H\" for 160 business hours), or business days as \"withinBusinessDays\" (such as \"withinBusinessDays\": 20)."
        },
        {
            "P1Y",
            "\"P1Y\" has a date part in years, which have no fixed length, so it is no amount of business time. "
            + "Write business time with a time part only, in hours (such as \"PT160H\" for 160 business hours), or business days as \"withinBusinessDays\" (such as \"withinBusinessDays\": 20)."
        },
        {
            // 106,752 days are 2,562,048 hours, one more than a duration holds and far past the 100 years the library supports: the
            // message still says what it would have meant.
            "P106752D",
            "\"P106752D\" has a date part; as business time it would mean 2562048 hours of working time (320256 working days of 8 hours), not 106752 business days. "
            + "Write at most \"PT876600H\" of business time (100 years, the longest the library supports) or \"withinBusinessDays\": 106752 for 106752 business days."
        },
        {
            "P15251W",
            "\"P15251W\" has a date part; as business time it would mean 2562168 hours of working time (320271 working days of 8 hours), not 15251 weeks. "
            + "Write at most \"PT876600H\" of business time (100 years, the longest the library supports) or \"withinBusinessDays\": 76255 for the 76255 business days of 15251 Monday-to-Friday weeks."
        },
        {
            "P-2D",
            "\"P-2D\" has a date part; business time is a positive ISO-8601 duration with a time part only, such as \"PT4H\", and business days are written as \"withinBusinessDays\" (such as \"withinBusinessDays\": 2)."
        },
    };

    [Theory]
    [MemberData(nameof(DatePartDurations))]
    public void A_business_time_with_a_date_part_is_rejected_saying_what_it_would_have_meant(string within, string message)
    {
        AssertProblem(
            Document(Resolution($""" "within": "{within}", "target": 0.9 """)),
            ProblemKind.InvalidValue,
            Agreement0.Property("resolution").Property("within"),
            message);
    }

    [Fact]
    public void A_date_part_is_rejected_in_an_objective_set_too()
    {
        var problem = Single(Document("""
            "objectiveSets": [ { "name": "P3", "priorities": ["P3"], "firstResponse": { "within": "P1D", "target": 0.9 } } ]
            """));

        Assert.Equal(Agreement0.Property("objectiveSets").Element(0).Property("firstResponse").Property("within"), problem.Location);
        Assert.StartsWith("\"P1D\" has a date part; as business time it would mean 24 hours", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PT48H", 48 * 60)]
    [InlineData("PT30M", 30)]
    [InlineData("PT876600H", 876600L * 60)] // 100 years, the longest the library supports
    public void Business_time_with_a_time_part_only_is_read(string within, long minutes)
    {
        var organization = OrganizationJson.Read(Document(Resolution($""" "within": "{within}", "target": 0.9 """))).GetValueOrThrow();

        Assert.Equal(Duration.FromMinutes(minutes), organization.Agreements[0].Resolution!.Within);
    }

    // ---- Business days ----

    [Fact]
    public void Within_and_withinBusinessDays_together_are_one_problem_at_withinBusinessDays()
    {
        AssertProblem(
            Document(Resolution(""" "within": "PT4H", "withinBusinessDays": 2, "target": 0.9 """)),
            ProblemKind.InvalidValue,
            Agreement0.Property("resolution").Property("withinBusinessDays"),
            "An objective allows either business time (within) or business days (withinBusinessDays), not both; got within 0:04:00:00 and 2 business days.");
    }

    [Fact]
    public void A_date_part_beside_withinBusinessDays_is_two_problems_in_one_pass()
    {
        var problems = OrganizationJson.Read(Document(Resolution(""" "within": "P2D", "withinBusinessDays": 2, "target": 0.9 """))).Problems;
        var at = Agreement0.Property("resolution");

        Assert.Equal(
            [
                (ProblemKind.InvalidValue, at.Property("within")),
                (ProblemKind.InvalidValue, at.Property("withinBusinessDays")),
            ],
            problems.Select(p => (p.Kind, p.Location)));
        Assert.StartsWith("\"P2D\" has a date part;", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("An objective allows either business time (within) or business days (withinBusinessDays), not both; got both.", problems[1].Message);
    }

    [Theory]
    [InlineData("0", ProblemKind.InvalidValue, "Allowed business days must be at least 1; got 0.")]
    [InlineData("-1", ProblemKind.InvalidValue, "Allowed business days must be at least 1; got -1.")]
    [InlineData("2.5", ProblemKind.InvalidValue, "Expected a whole number of business days from 1 to 2147483647, such as 5; got 2.5.")]
    [InlineData("2147483648", ProblemKind.InvalidValue, "Expected a whole number of business days from 1 to 2147483647, such as 5; got 2147483648.")]
    [InlineData("\"2\"", ProblemKind.WrongType, "Expected a whole number of business days, such as 5; got the string \"2\".")]
    [InlineData("true", ProblemKind.WrongType, "Expected a whole number of business days, such as 5; got true.")]
    public void A_bad_withinBusinessDays_is_located(string days, ProblemKind kind, string message)
    {
        AssertProblem(
            Document(Resolution($""" "withinBusinessDays": {days}, "target": 0.9 """)),
            kind,
            Agreement0.Property("resolution").Property("withinBusinessDays"),
            message);
    }

    [Fact]
    public void An_objective_with_neither_within_nor_withinBusinessDays_is_one_missing_value()
    {
        AssertProblem(
            Document(Resolution(""" "target": 0.9 """)),
            ProblemKind.MissingValue,
            Agreement0.Property("resolution").Property("within"),
            "Required property \"within\" (business time, such as \"PT4H\") or \"withinBusinessDays\" (business days, such as 5) is missing.");
    }

    // ---- Clock conditions ----

    private static string WithClock(string clock) => Document(Resolution($""" "within": "PT8H", "target": 0.9, "clock": {clock} """));

    private static readonly ProblemLocation Statuses = Agreement0.Property("resolution").Property("clock").Property("statuses");

    [Fact]
    public void An_unknown_clock_action_is_located_at_its_status()
    {
        AssertProblem(
            WithClock("""{ "statuses": { "New": "begin", "In Progress": "run", "Resolved": "stop" } }"""),
            ProblemKind.InvalidValue,
            Statuses.Property("New"),
            "Expected a clock action (\"start\", \"run\", \"pause\", \"stop\", \"reset\", \"cancel\"); got \"begin\".");
    }

    [Fact]
    public void Clock_actions_are_lower_case_like_every_other_enumerated_value()
    {
        AssertProblem(
            WithClock("""{ "statuses": { "New": "start", "Waiting for customer": "Pause", "Resolved": "stop" } }"""),
            ProblemKind.InvalidValue,
            Statuses.Property("Waiting for customer"),
            "Expected a clock action (\"start\", \"run\", \"pause\", \"stop\", \"reset\", \"cancel\"); got \"Pause\".");
        Assert.Equal("$.agreements[0].resolution.clock.statuses['Waiting for customer']", Statuses.Property("Waiting for customer").ToString());
    }

    [Fact]
    public void A_clock_without_a_start_status_is_located_at_its_statuses()
    {
        AssertProblem(
            WithClock("""{ "statuses": { "In Progress": "run", "Resolved": "stop" } }"""),
            ProblemKind.InvalidValue,
            Statuses,
            "Expected at least one status whose action is \"start\" (the clock must start somewhere); got \"In Progress\": \"run\", \"Resolved\": \"stop\".");
    }

    [Fact]
    public void A_clock_without_a_stop_status_is_located_at_its_statuses()
    {
        AssertProblem(
            WithClock("""{ "statuses": { "New": "start", "Waiting": "pause" }, "retroactiveStart": true }"""),
            ProblemKind.InvalidValue,
            Statuses,
            "Expected at least one status whose action is \"stop\" (the clock must stop somewhere); got \"New\": \"start\", \"Waiting\": \"pause\".");
    }

    [Fact]
    public void A_status_named_twice_is_located_at_its_second_key()
    {
        // JsonDocument keeps duplicate keys; like every duplicated property, the second is the problem.
        AssertProblem(
            WithClock("""{ "statuses": { "New": "start", "Resolved": "stop", "New": "pause" } }"""),
            ProblemKind.UnexpectedProperty,
            Statuses.Property("New"),
            "Status \"New\" appears more than once in the same object (first as \"start\"); each status must have one clock action.");
    }

    [Fact]
    public void Clock_structure_problems_are_located()
    {
        var problems = OrganizationJson.Read(Document("""
            "objectiveSets": [
              { "name": "a", "priorities": ["P1"], "resolution": { "within": "PT8H", "target": 0.9, "clock": { "retroactiveStart": "yes" } } },
              { "name": "b", "priorities": ["P2"], "resolution": { "within": "PT8H", "target": 0.9, "clock": { "statuses": ["New"] } } },
              { "name": "c", "priorities": ["P3"], "resolution": { "within": "PT8H", "target": 0.9, "clock": { "statuses": { "New": 1, " ": "stop" }, "tick": 1 } } }
            ]
            """)).Problems;
        var sets = Agreement0.Property("objectiveSets");
        ProblemLocation Clock(int set) => sets.Element(set).Property("resolution").Property("clock");

        Assert.Equal(
            [
                (ProblemKind.WrongType, Clock(0).Property("retroactiveStart"), "Expected true or false; got the string \"yes\"."),
                (ProblemKind.MissingValue, Clock(0).Property("statuses"), "Required property \"statuses\" is missing: each status of the status logs with what entering it does to the clock."),
                (ProblemKind.WrongType, Clock(1).Property("statuses"), "Expected an object of statuses and clock actions, such as {\"New\": \"start\", \"Resolved\": \"stop\"}; got an array."),
                (ProblemKind.UnexpectedProperty, Clock(2).Property("tick"), "Unknown property \"tick\"; expected one of: statuses, retroactiveStart."),
                (ProblemKind.WrongType, Clock(2).Property("statuses").Property("New"), "Expected a clock action (\"start\", \"run\", \"pause\", \"stop\", \"reset\", \"cancel\"); got the number 1."),
                (ProblemKind.InvalidValue, Clock(2).Property("statuses").Property(" "), "A status must be non-blank text; got \" \"."),
            ],
            problems.Select(p => (p.Kind, p.Location, p.Message)));
    }

    // ---- Objective sets and priorities ----

    [Fact]
    public void Objective_sets_together_with_plain_objectives_are_one_problem_at_objectiveSets()
    {
        AssertProblem(
            Document("""
                "firstResponse": { "within": "PT1H", "target": 0.9 },
                "objectiveSets": [ { "name": "P1", "priorities": ["P1"], "resolution": { "within": "PT4H", "target": 0.9 } } ]
                """),
            ProblemKind.InvalidValue,
            Agreement0.Property("objectiveSets"),
            "An agreement gives its time objectives either for every request (firstResponse, resolution) or per objective set, not both; got both.");
    }

    [Fact]
    public void An_undeclared_priority_is_located_in_its_set()
    {
        AssertProblem(
            Document("""
                "objectiveSets": [ { "name": "urgent", "priorities": ["P1", "P9"], "resolution": { "within": "PT4H", "target": 0.9 } } ]
                """),
            ProblemKind.UnknownReference,
            Agreement0.Property("objectiveSets").Element(0).Property("priorities").Element(1),
            "Priority 'P9' is not declared by the organization; it declares P1, P2, P3, P4.");
    }

    [Fact]
    public void A_priority_with_no_priorities_declared_says_none_are()
    {
        AssertProblem(
            Document(
                """ "objectiveSets": [ { "name": "urgent", "priorities": ["P1"], "resolution": { "within": "PT4H", "target": 0.9 } } ] """,
                priorities: "[]"),
            ProblemKind.UnknownReference,
            Agreement0.Property("objectiveSets").Element(0).Property("priorities").Element(0),
            "Priority 'P1' is not declared by the organization; it declares none.");
    }

    [Fact]
    public void A_set_selecting_an_uncovered_service_is_located_at_the_service()
    {
        AssertProblem(
            Document("""
                "objectiveSets": [ { "name": "people", "services": ["hiring"], "resolution": { "within": "PT4H", "target": 0.9 } } ]
                """),
            ProblemKind.UnknownReference,
            Agreement0.Property("objectiveSets").Element(0).Property("services").Element(0),
            "Objective set 'people' selects service 'hiring', which the agreement does not cover; it covers desk, laptops.");
    }

    [Fact]
    public void Two_overlapping_sets_are_located_at_the_second_set()
    {
        AssertProblem(
            Document("""
                "objectiveSets": [
                  { "name": "high", "priorities": ["P1", "P2"], "resolution": { "within": "PT4H", "target": 0.9 } },
                  { "name": "hardware", "priorities": ["P2", "P3"], "categories": ["hardware"], "resolution": { "within": "PT8H", "target": 0.9 } }
                ]
                """),
            ProblemKind.InvalidValue,
            Agreement0.Property("objectiveSets").Element(1),
            "At most one objective set may apply to a request, but sets 'high' (priority P1 or P2, any service, any category) and "
            + "'hardware' (priority P2 or P3, any service, category hardware) both match some requests.");
    }

    [Fact]
    public void Set_structure_problems_are_located_and_not_repeated_by_the_builder()
    {
        var problems = OrganizationJson.Read(Document("""
            "objectiveSets": [
              "P1",
              { "name": "b", "priorities": [1], "services": [true], "categories": [null], "resolution": { "within": "PT4H", "target": 0.9 } },
              { "priorities": ["P3"], "resolution": { "within": "PT4H", "target": 0.9 }, "escalation": "x" }
            ]
            """)).Problems;
        var sets = Agreement0.Property("objectiveSets");

        Assert.Equal(
            [
                (ProblemKind.WrongType, sets.Element(0), "Expected an object; got the string \"P1\"."),
                (ProblemKind.WrongType, sets.Element(1).Property("priorities").Element(0), "Expected a priority id such as \"P1\"; got the number 1."),
                (ProblemKind.WrongType, sets.Element(1).Property("services").Element(0), "Expected a service id; got true."),
                (ProblemKind.WrongType, sets.Element(1).Property("categories").Element(0), "Expected a category; got null."),
                (ProblemKind.UnexpectedProperty, sets.Element(2).Property("escalation"), "Unknown property \"escalation\"; expected one of: name, priorities, services, categories, firstResponse, resolution."),
                (ProblemKind.MissingValue, sets.Element(2).Property("name"), "Required property \"name\" is missing."),
            ],
            problems.Select(p => (p.Kind, p.Location, p.Message)));
    }

    [Fact]
    public void Root_priorities_are_checked_at_their_paths()
    {
        var problems = OrganizationJson.Read(Document(Resolution(""" "within": "PT4H", "target": 0.9 """), priorities: """["P1", 2, "P1", "P 3"]""")).Problems;
        var at = ProblemLocation.Root.Property("priorities");

        Assert.Equal(
            [
                (ProblemKind.WrongType, at.Element(1), "Expected a priority id such as \"P1\"; got the number 2."),
                (ProblemKind.DuplicateId, at.Element(2), "Priority 'P1' is already declared at $.priorities[0]."),
                (ProblemKind.InvalidId, at.Element(3), "A priority id must be 1-64 characters, each a letter, a digit, '-', '_' or '.'; got \"P 3\", which has 'U+0020' at position 1."),
            ],
            problems.Select(p => (p.Kind, p.Location, p.Message)));
    }

    // ---- Exclusion windows ----

    private static string WithExclusion(string exclusion) =>
        Document($""" "resolution": {"{"} "within": "PT8H", "target": 0.9 {"}"}, "exclusions": [ {exclusion} ] """);

    private static readonly ProblemLocation Exclusion0 = Agreement0.Property("exclusions").Element(0);

    [Fact]
    public void An_exclusion_that_ends_before_it_starts_is_located_at_until()
    {
        AssertProblem(
            WithExclusion("""{ "from": "2026-06-06T10:00:00Z", "until": "2026-06-06T08:00:00+02:00", "reason": "ERP upgrade", "effect": "excludeTime" }"""),
            ProblemKind.InvalidValue,
            Exclusion0.Property("until"),
            "Expected an exclusion window that ends after it starts (2026-06-06T10:00:00Z); got an until of 2026-06-06T06:00:00Z.");
    }

    [Fact]
    public void An_empty_exclusion_is_located_at_until()
    {
        AssertProblem(
            WithExclusion("""{ "from": "2026-06-06T10:00:00Z", "until": "2026-06-06T12:00:00+02:00", "reason": "ERP upgrade", "effect": "excludeTime" }"""),
            ProblemKind.InvalidValue,
            Exclusion0.Property("until"),
            "Expected an exclusion window that ends after it starts (2026-06-06T10:00:00Z); got an until of 2026-06-06T10:00:00Z.");
    }

    [Fact]
    public void An_exclusion_without_until_is_a_missing_value_not_repeated_by_the_builder()
    {
        AssertProblem(
            WithExclusion("""{ "from": "2026-06-06T10:00:00Z", "reason": "ERP upgrade", "effect": "excludeTime" }"""),
            ProblemKind.MissingValue,
            Exclusion0.Property("until"),
            "Required property \"until\" is missing.");
    }

    [Fact]
    public void An_unknown_exclusion_effect_is_located()
    {
        AssertProblem(
            WithExclusion("""{ "from": "2026-06-06T10:00:00Z", "until": "2026-06-06T12:00:00Z", "reason": "ERP upgrade", "effect": "skip" }"""),
            ProblemKind.InvalidValue,
            Exclusion0.Property("effect"),
            "Expected an exclusion effect, \"excludeRequests\" or \"excludeTime\"; got \"skip\".");
    }

    [Fact]
    public void Every_problem_of_one_exclusion_is_reported_in_one_pass()
    {
        var problems = OrganizationJson.Read(WithExclusion("""{ "from": "soon", "until": 5, "reason": "  ", "note": "x" }""")).Problems;

        Assert.Equal(
            [
                (ProblemKind.UnexpectedProperty, Exclusion0.Property("note"), "Unknown property \"note\"; expected one of: from, until, reason, effect."),
                (ProblemKind.InvalidValue, Exclusion0.Property("from"),
                    "Expected an instant such as 2026-03-02T09:30:00Z or 2026-03-02T10:30:00+01:00 (in UTC from 1900-01-01T00:00:00Z (inclusive) to 2201-01-01T00:00:00Z (exclusive), the range the library supports); got \"soon\"."),
                (ProblemKind.WrongType, Exclusion0.Property("until"), "Expected a string; got the number 5."),
                (ProblemKind.InvalidValue, Exclusion0.Property("reason"), "Expected a non-blank reason, such as \"ERP upgrade\"; got \"  \"."),
                (ProblemKind.MissingValue, Exclusion0.Property("effect"), "Required property \"effect\" is missing."),
            ],
            problems.Select(p => (p.Kind, p.Location, p.Message)));
    }

    [Fact]
    public void An_exclusion_that_is_not_an_object_is_one_problem()
    {
        AssertProblem(WithExclusion("\"2026-06-06\""), ProblemKind.WrongType, Exclusion0, "Expected an object; got the string \"2026-06-06\".");
    }

    // ---- The JSON Schema describes the same shape ----

    private static JsonObject Schema => JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "schema", "organization.schema.json")))!.AsObject();

    private static IEnumerable<string> PropertiesOf(JsonObject schema, string definition) =>
        schema["$defs"]![definition]!["properties"]!.AsObject().Select(p => p.Key);

    [Fact]
    public void The_schema_declares_every_new_property_and_value()
    {
        var schema = Schema;

        Assert.Contains("priorities", schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["id", "provider", "consumer", "services", "calendar", "effectiveFrom", "effectiveUntil", "reviewCadence", "firstResponse", "resolution", "objectiveSets", "satisfaction", "exclusions"],
            PropertiesOf(schema, "agreement"));
        Assert.Equal(["within", "withinBusinessDays", "target", "warningThresholds", "clock"], PropertiesOf(schema, "objective"));
        Assert.Equal(["name", "priorities", "services", "categories", "firstResponse", "resolution"], PropertiesOf(schema, "objectiveSet"));
        Assert.Equal(["statuses", "retroactiveStart"], PropertiesOf(schema, "clock"));
        Assert.Equal(["from", "until", "reason", "effect"], PropertiesOf(schema, "exclusion"));
        Assert.Equal(
            ["start", "run", "pause", "stop", "reset", "cancel"],
            schema["$defs"]!["clock"]!["properties"]!["statuses"]!["additionalProperties"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(
            ["excludeRequests", "excludeTime"],
            schema["$defs"]!["exclusion"]!["properties"]!["effect"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(1, (int)schema["$defs"]!["objective"]!["properties"]!["withinBusinessDays"]!["minimum"]!);
    }

    [Theory]
    [InlineData("PT48H", true)]
    [InlineData("PT30M", true)]
    [InlineData("PT1H30M", true)]
    [InlineData("PT0.5S", true)]
    [InlineData("PT2562047H47M16.854775807S", true)]
    [InlineData("P2D", false)]
    [InlineData("P1W", false)]
    [InlineData("P1M", false)]
    [InlineData("P1Y", false)]
    [InlineData("P1DT4H", false)]
    [InlineData("PT", false)]
    [InlineData("PT-1H", false)]
    public void The_schema_pattern_for_within_refuses_date_parts(string within, bool matches)
    {
        var pattern = (string)Schema["$defs"]!["objective"]!["properties"]!["within"]!["pattern"]!;

        Assert.Equal(matches, Regex.IsMatch(within, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Every_duration_the_writer_writes_matches_the_schema_pattern()
    {
        var pattern = new Regex((string)Schema["$defs"]!["objective"]!["properties"]!["within"]!["pattern"]!, RegexOptions.None, TimeSpan.FromSeconds(1));
        var written = Enumerable.Range(0, 40)
            .Select(seed => JsonNode.Parse(OrganizationJson.WriteToString(AgreementDocumentGenerators.OrganizationWithObjectiveSets(seed)))!)
            .SelectMany(Withins)
            .ToList();

        Assert.NotEmpty(written);
        Assert.All(written, w => Assert.Matches(pattern, w));

        static IEnumerable<string> Withins(JsonNode? node) => node switch
        {
            JsonObject o => o.SelectMany(p => p.Key == "within" ? [(string)p.Value!] : Withins(p.Value)),
            JsonArray a => a.SelectMany(Withins),
            _ => [],
        };
    }
}
