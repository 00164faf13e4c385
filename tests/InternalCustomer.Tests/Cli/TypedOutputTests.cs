using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalCustomer.Cli;
using InternalCustomer.Cli.Commands;
using InternalCustomer.Scorecards;
using Json.Schema;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// Issue 13: machine output is typed and documented (numbers as numbers, intervals as objects, camelCase keys, statuses
/// from a documented set, validated against docs/schema/report.schema.json with JsonSchema.Net), CSV is one table per
/// stream or file, and the text report opens with the headline a manager reads first.
/// </summary>
public sealed class TypedOutputTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "schema", "report.schema.json"))));

    private readonly string _folder = Directory.CreateTempSubdirectory("internal-customer-typed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("report")]
    [InlineData("report", "--all")]
    [InlineData("report", "--as-of", "2026-03-31")]
    [InlineData("sla")]
    [InlineData("feedback")]
    [InlineData("improvements")]
    [InlineData("improvements", "--as-of", "2026-05-01")]
    [InlineData("validate")]
    public void Json_of_every_command_validates_against_the_report_schema(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "json"]);

        Assert.True(code == 0, error);
        var results = Evaluate(output);
        Assert.True(results.IsValid, string.Join("\n", Errors(results)));
    }

    [Fact]
    public void The_schema_rejects_a_number_written_as_text_and_an_unknown_key()
    {
        // The schema can fail: the old output's shapes ("decided": "67", "budget left") are not valid.
        var document = JsonNode.Parse(Run("sla", "--format", "json").Output)!;
        var row = document["sla"]!["rows"]![0]!.AsObject();
        row["decided"] = "67";
        Assert.False(Evaluate(document.ToJsonString()).IsValid);

        row["decided"] = 67;
        Assert.True(Evaluate(document.ToJsonString()).IsValid);
        row["budget left"] = "-422.4";
        Assert.False(Evaluate(document.ToJsonString()).IsValid);
    }

    [Fact]
    public void Json_numbers_are_numbers_and_intervals_are_objects()
    {
        using var document = JsonDocument.Parse(Run("report", "--format", "json").Output);
        var root = document.RootElement;

        // ola-34: 32 of 67 met against 90% (the worst row, worked in SafeOutputTests): numbers at full precision.
        var worst = root.GetProperty("sla").GetProperty("rows")[0];
        Assert.Equal("ola-34-logistics-end-of-line", worst.GetProperty("agreement").GetString());
        Assert.Equal(67, worst.GetProperty("decided").GetInt32());
        Assert.Equal(100.0 * 32 / 67, worst.GetProperty("compliancePercent").GetDouble(), 9);
        Assert.Equal(100 * (0.1 - 35.0 / 67) / 0.1, worst.GetProperty("budgetLeftPercent").GetDouble(), 9);
        Assert.Equal("breached", worst.GetProperty("status").GetString());

        // The headline's CSAT is the library's overall CSAT with its interval, in percent, level a fraction.
        var satisfaction = root.GetProperty("headline").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("measure").GetString() == "satisfaction").GetProperty("value");
        var analysis = Analysis();
        var csat = analysis.Scorecard.Health.Csat;
        Assert.Equal(100 * csat.Value!.Value, satisfaction.GetProperty("estimate").GetDouble(), 9);
        Assert.Equal(100 * csat.Interval!.Value.Lower, satisfaction.GetProperty("lower").GetDouble(), 9);
        Assert.Equal(100 * csat.Interval!.Value.Upper, satisfaction.GetProperty("upper").GetDouble(), 9);
        Assert.Equal(0.95, satisfaction.GetProperty("level").GetDouble());

        // Keys are camelCase identifiers everywhere.
        foreach (var section in root.EnumerateObject())
        {
            Assert.Matches("^[a-z][A-Za-z0-9]*$", section.Name);
            foreach (var row in section.Value.GetProperty("rows").EnumerateArray())
            {
                Assert.All(row.EnumerateObject(), p => Assert.Matches("^[a-z][A-Za-z0-9]*$", p.Name));
            }
        }
    }

    [Fact]
    public void The_reports_improvement_rows_carry_the_before_and_after_shares_as_numbers()
    {
        using var document = JsonDocument.Parse(Run("report", "--format", "json", "--section", "improvement").Output);
        var rows = document.RootElement.GetProperty("improvement").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("action").GetString()!);

        // The example's planted logistics action: 0 of 6 satisfied before, 6 of 6 after; 8 of 20 on time before, 15 of 15
        // after (docs/examples/improvement.json, ExampleImprovementRecordTests).
        var logistics = rows["act-logistics-feeding-route"];
        Assert.Equal("improved", logistics.GetProperty("outcome").GetString());
        Assert.Equal((0.0, 100.0), (logistics.GetProperty("csatBeforePercent").GetDouble(), logistics.GetProperty("csatAfterPercent").GetDouble()));
        Assert.Equal((40.0, 100.0), (logistics.GetProperty("onTimeBeforePercent").GetDouble(), logistics.GetProperty("onTimeAfterPercent").GetDouble()));
        Assert.True(logistics.GetProperty("csatPValue").GetDouble() < 0.01);
        var inFlight = rows["act-planning-dispatch-lookahead"];
        Assert.Equal("in flight", inFlight.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, inFlight.GetProperty("csatBeforePercent").ValueKind);
    }

    [Fact]
    public void Every_finding_kind_of_the_library_has_a_documented_word()
    {
        // A new Finding record must get a kind in the findings section (and in the schema's enum), not fall through.
        var kinds = typeof(Finding).Assembly.GetTypes().Where(t => t.IsSealed && typeof(Finding).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, t => Assert.True(OrganizationAnalysis.FindingKinds.ContainsKey(t), $"{t.Name} has no kind word"));

        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "schema", "report.schema.json")));
        HashSet<string?> Documented(string section) => schema.RootElement.GetProperty("properties").GetProperty(section).GetProperty("properties").GetProperty("rows")
            .GetProperty("items").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        var (findings, graph) = (Documented("findings"), Documented("graph"));
        Assert.All(OrganizationAnalysis.FindingKinds, k => Assert.Contains(k.Value, typeof(GraphFinding).IsAssignableFrom(k.Key) ? graph : findings));
    }

    [Fact]
    public void Csv_of_several_sections_needs_a_section_or_a_directory()
    {
        var (code, output, error) = Run("report", "--format", "csv");

        Assert.Equal(CliApp.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--format csv writes one table per file: pass --section (one of headline, attention, findings, scorecards, gaps, sla,", error, StringComparison.Ordinal);

        var one = Run("report", "--format", "csv", "--section", "attention");
        Assert.Equal(0, one.Code);
        var lines = one.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,provider,consumer,score,worstOnTimePercent,onTimeTargetPercent,csatPercentEstimate,csatPercentLower,csatPercentUpper,dependence,blastRadius,why,reason", lines[0]);
        // procurement → logistics: 0 of 24 satisfied, Wilson 95% [0, 13.8%]: numbers, not "0.0% [0.0%, 13.8%]".
        var first = lines[1].Split(',');
        Assert.Equal(["1", "procurement", "logistics"], first[..3]);
        Assert.Equal(0.0, double.Parse(first[6], CultureInfo.InvariantCulture));
        Assert.Equal(13.8, Math.Round(double.Parse(first[8], CultureInfo.InvariantCulture), 1));
        Assert.Equal(OrganizationAnalysis.AttentionShown + 1, lines.Length);
        Assert.Single(lines, l => l.StartsWith("rank,", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_to_a_directory_writes_one_file_per_section_with_one_header_each()
    {
        var directory = Path.Combine(_folder, "out");

        var (code, output, error) = Run("report", "--format", "csv", "--output", directory);

        Assert.True(code == 0, error);
        var keys = CliApp.Report(Analysis()).Select(s => s.Key).ToList();
        Assert.Equal(keys.Select(k => k + ".csv").Order(), Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.Equal(keys.Count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var sla = File.ReadAllText(Path.Combine(directory, "sla.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("agreement,provider,consumer,set,objective,decided,", sla[0], StringComparison.Ordinal);
        Assert.All(sla.Skip(1), l => Assert.False(l.StartsWith("agreement,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Output_to_a_file_leaves_stdout_to_say_so()
    {
        var file = Path.Combine(_folder, "nested", "report.json");

        var (code, output, _) = Run("report", "--format", "json", "--output", file);

        Assert.Equal(0, code);
        Assert.StartsWith($"wrote {file} (", output, StringComparison.Ordinal);
        Assert.Equal(Run("report", "--format", "json").Output, File.ReadAllText(file));
    }

    [Fact]
    public void An_unknown_section_is_a_usage_error_naming_the_sections()
    {
        var (code, _, error) = Run("sla", "--section", "budgets");

        Assert.Equal(CliApp.Usage, code);
        Assert.Equal("error: --section: expected one of sla; got \"budgets\".\n", error.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void The_text_report_opens_with_the_headline_then_attention_and_findings_before_the_detail()
    {
        var output = Run("report").Output;
        var lines = output.Split('\n');

        Assert.StartsWith("Headline as of 2026-07-01T11:24:43.2Z", lines[0], StringComparison.Ordinal);
        var titles = lines.Select((l, i) => (l, i)).Where(x => x.i + 1 < lines.Length && x.l.Length > 0 && lines[x.i + 1] == new string('=', x.l.Length)).Select(x => x.l).ToList();
        Assert.Equal(
            ["Headline as of 2026-07-01T11:24:43.2Z", "Attention list (gap × importance × blast radius)", "Findings", "Department scorecards (as suppliers)", "Gaps behind the attention list (SLA breached, satisfaction below target)", "SLA objectives breached or at risk (worst first)"],
            titles.Take(6));

        // "Fits a screen": headline, attention list and findings in under 50 lines.
        var detail = Array.IndexOf(lines, "Department scorecards (as suppliers)");
        Assert.InRange(detail, 1, 50);
    }

    [Fact]
    public void The_headline_numbers_are_the_librarys_with_their_units()
    {
        var analysis = Analysis();
        var headline = analysis.HeadlineSection();
        var rows = headline.Rows.ToDictionary(r => r[0].Text, r => r[2].Text);
        var health = analysis.Scorecard.Health;

        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{100 * health.Resolution.Compliance:0.0}%"), rows["resolutionOnTime"]);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{100 * health.Csat.Value:0.0}% [{100 * health.Csat.Interval!.Value.Lower:0.0}%, {100 * health.Csat.Interval!.Value.Upper:0.0}%]"), rows["satisfaction"]);

        // Breaching agreements: those with a decided objective under its target, counted from the objectives directly.
        var breaching = analysis.Scorecard.Objectives.Where(o => o.Tally.Decided > 0 && (double)o.Tally.Met / o.Tally.Decided < o.Target).Select(o => o.Agreement).Distinct().Count();
        Assert.Equal(breaching.ToString(CultureInfo.InvariantCulture), rows["agreementsBreaching"]);
        Assert.Equal("1", rows["mutualDependencyClusters"]);
        // Silos: the innovation lab alone, and controlling, manufacturing and shared services working only with each other.
        Assert.Equal("2", rows["silos"]);
        // Sole suppliers of two or more departments: the 11 of the reference script's list (BridgingAndSoleSupplierTests,
        // bridging_reference.py), IT service desk first with 11 dependants.
        Assert.Equal("11", rows["soleSuppliers"]);
        Assert.StartsWith("most relied on: it-service-desk (11), maintenance (7), hr (6)", analysis.HeadlineSection().Rows.Single(r => r[0].Text == "soleSuppliers")[3].Text, StringComparison.Ordinal);
        Assert.Equal(analysis.Scorecard.Attention.Length.ToString(CultureInfo.InvariantCulture), rows["relationshipsNeedingAttention"]);
    }

    [Fact]
    public void The_report_sla_table_keeps_the_breached_and_at_risk_rows_and_counts_the_rest()
    {
        var analysis = Analysis();
        var shown = analysis.SlaSection(all: false);
        var all = analysis.SlaSection(all: true);

        // At risk: met, but under a quarter of the error budget left or a request in flight past its warning.
        var expected = analysis.Scorecard.Objectives.Count(o => o.Tally.Decided > 0 && (!o.IsMet || o.Budget.Remaining < 0.25 || o.Tally.AtRisk > 0));
        Assert.Equal(expected, shown.Rows.Count);
        Assert.All(shown.TextRows, r => Assert.Contains(r[^1], new[] { "breached", "at risk" }));
        Assert.Equal(analysis.Scorecard.Objectives.Length, all.Rows.Count);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{expected} of {analysis.Scorecard.Objectives.Length} objectives are breached or at risk"), shown.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_mixing_scales_is_summarised_per_scale_and_the_set_aside_counted_in_every_command()
    {
        // Every tenth response of the example rescored on 0–10 (the mixed file: before, exit 1 with 150 lines).
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "docs", "examples", "responses.csv"));
        var mixed = lines.Select((line, i) =>
        {
            if (i == 0 || i % 10 != 4)
            {
                return line;
            }

            var f = line.Split(',');
            f[3] = "0";
            f[4] = "10";
            f[5] = Math.Min(10, 2 * int.Parse(f[5], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
            return string.Join(',', f);
        }).ToArray();
        var rescored = (lines.Length - 1 + 5) / 10;
        var responses = Path.Combine(_folder, "mixed.csv");
        File.WriteAllLines(responses, mixed);
        var organization = Path.Combine(RepositoryFiles.Root, "docs", "examples", "organization.json");

        var validate = Run("validate", organization, "--responses", responses);
        var feedback = Run("feedback", organization, "--responses", responses);
        var report = Run("report", organization, "--responses", responses, "--format", "json");

        Assert.True(validate.Code == 0, validate.Error);
        var setAside = string.Create(CultureInfo.InvariantCulture, $"Set aside from the scorecard: {rescored} response(s) on the scale 0–10; the scorecard rates the {lines.Length - 1 - rescored} on 1–5");
        Assert.Contains(setAside, validate.Output, StringComparison.Ordinal);
        Assert.True(feedback.Code == 0, feedback.Error);
        Assert.Contains(setAside, feedback.Output, StringComparison.Ordinal);
        Assert.Contains("Satisfaction by providing department on the scale 0–10 (95% intervals; set aside from the scorecard, which rates on 1–5)", feedback.Output, StringComparison.Ordinal);
        Assert.Contains("mean score (0–10)", feedback.Output, StringComparison.Ordinal);
        Assert.Contains("CSAT counts 9–10 as satisfied (the top 2 points).", feedback.Output, StringComparison.Ordinal);

        Assert.True(report.Code == 0, report.Error);
        var valid = Evaluate(report.Output);
        Assert.True(valid.IsValid, string.Join("\n", Errors(valid)));
        using var json = JsonDocument.Parse(report.Output);
        var other = json.RootElement.GetProperty("feedbackScale0To10").GetProperty("rows");
        var main = json.RootElement.GetProperty("feedback").GetProperty("rows");
        // Nothing lost: the per-provider counts of both scales add up to every response.
        Assert.Equal(lines.Length - 1, other.EnumerateArray().Sum(r => r.GetProperty("responses").GetInt32()) + main.EnumerateArray().Sum(r => r.GetProperty("responses").GetInt32()));
        Assert.Equal(rescored, other.EnumerateArray().Sum(r => r.GetProperty("responses").GetInt32()));
    }

    [Fact]
    public void A_survey_wholly_on_zero_to_ten_is_scored_on_its_own_scale()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "docs", "examples", "responses.csv"));
        var responses = Path.Combine(_folder, "survey.csv");
        File.WriteAllLines(responses, lines.Select((line, i) =>
        {
            if (i == 0)
            {
                return line;
            }

            var f = line.Split(',');
            (f[3], f[4]) = ("0", "10");
            return string.Join(',', f);
        }));

        var (code, output, error) = Run("report", Path.Combine(RepositoryFiles.Root, "docs", "examples", "organization.json"), "--responses", responses);

        Assert.True(code == 0, error);
        Assert.Contains("mean score (0–10, 95% CI)", output, StringComparison.Ordinal);
        Assert.Contains("mean score (0–10)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Set aside", output, StringComparison.Ordinal);
    }

    private static OrganizationAnalysis Analysis()
    {
        var inputs = new Inputs(TextWriter.Null, showProgress: false);
        var problems = new List<string>();
        var (organization, source) = inputs.Organization(null);
        var requests = inputs.Requests(null, example: true, problems).Records;
        var responses = inputs.Responses(null, example: true, problems).Records;
        var record = inputs.Improvement(null, organization, example: true, problems);
        Assert.Empty(problems);
        return new OrganizationAnalysis(organization, requests, responses, Scorecard.DataEnds([.. requests], [.. responses])!.Value, source, record);
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));

    private static (int Code, string Output, string Error) Run(params string[] args) => Tool.Run(args);

}
