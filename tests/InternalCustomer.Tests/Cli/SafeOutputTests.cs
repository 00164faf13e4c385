using System.Text;
using InternalCustomer.Cli;
using InternalCustomer.Cli.Output;
using NodaTime;
using NodaTime.Testing;

namespace InternalCustomer.Tests.Cli;

/// <summary>
/// Issue 15: hostile names reach neither the terminal nor a spreadsheet as commands, write errors and oversized or
/// endless inputs end with one line and exit 1, and data that begins after today is not blamed on <c>--as-of</c>.
/// </summary>
public sealed class SafeOutputTests : IDisposable
{
    // An ANSI colour escape and a right-to-left override in a department's name (found item 7).
    private const string HostileName = "\u001B[31mRed\u001B[0m \u202Eevil";
    private const string EscapedName = "\\u001B[31mRed\\u001B[0m \\u202Eevil";

    // A spreadsheet formula in a department's name (found item 7).
    private const string FormulaName = "=HYPERLINK(\"http://attacker.example\",\"click\")";

    private readonly string _folder = Directory.CreateTempSubdirectory("internal-customer-safe-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("a\u001B[31mb", "a\\u001B[31mb")]
    [InlineData("\u0000\u0007\t\n\r\u001F", "\\u0000\\u0007\\u0009\\u000A\\u000D\\u001F")]
    [InlineData("\u007F\u0085\u009B", "\\u007F\\u0085\\u009B")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069", "\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069")]
    [InlineData("Line 4 – Final assembly, Größe ✓", "Line 4 – Final assembly, Größe ✓")]
    [InlineData("C:\\data\\org.json", "C:\\data\\org.json")]
    public void Escape_writes_control_characters_as_u_escapes_and_leaves_the_rest(string text, string expected) =>
        Assert.Equal(expected, SafeText.Escape(text));

    [Theory]
    [InlineData("-422.4", "-422.4")]
    [InlineData("-1e-5", "-1e-5")]
    [InlineData("-0", "-0")]
    [InlineData("47.8", "47.8")]
    [InlineData("ola-34-logistics", "ola-34-logistics")]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-", "\"'-\"")]
    [InlineData("-.", "\"'-.\"")]
    [InlineData("-1e", "\"'-1e\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("-1.5 [-3.0, 0.0]", "\"'-1.5 [-3.0, 0.0]\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=HYPERLINK(\"http://a\",\"b\")", "\"'=HYPERLINK(\"\"http://a\"\",\"\"b\"\")\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData(" =1", " =1")]
    [InlineData("", "")]
    public void Csv_cells_that_begin_a_formula_are_neutralised_and_numbers_stay_numbers(string value, string expected) =>
        Assert.Equal(expected, SafeText.CsvCell(value));

    [Fact]
    public void Table_and_markdown_escape_a_hostile_name_and_json_keeps_it_as_a_json_escape()
    {
        var organization = Organization(HostileName);

        foreach (var format in new[] { "table", "markdown" })
        {
            var (code, output, error) = Run("report", organization, "--format", format);

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Contains(EscapedName, output, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001B', output);
            Assert.DoesNotContain('\u202E', output);
        }

        var json = Run("report", organization, "--format", "json");
        Assert.Equal(0, json.Code);
        Assert.DoesNotContain('\u001B', json.Output);
        Assert.Contains("\\u001B[31mRed", json.Output, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Contains(
            document.RootElement.GetProperty("departments").GetProperty("rows").EnumerateArray(),
            row => row.GetProperty("name").GetString() == HostileName);
    }

    [Fact]
    public void A_hostile_maintenance_window_reason_is_escaped_in_the_table_and_neutralised_in_csv()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ExampleOrganizationFile))!;
        var agreement = document["agreements"]!.AsArray().Single(a => a!["exclusions"] is not null)!;
        agreement["exclusions"]![0]!["reason"] = HostileName;
        var file = Path.Combine(_folder, "hostile-reason.json");
        File.WriteAllText(file, document.ToJsonString());

        var table = Run("report", file);
        Assert.Equal((0, string.Empty), (table.Code, table.Error));
        Assert.Contains("requests opened in it not measured  " + EscapedName, table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', table.Output);

        agreement["exclusions"]![0]!["reason"] = FormulaName;
        File.WriteAllText(file, document.ToJsonString());
        var csv = Run("report", file, "--format", "csv", "--section", "exclusions");
        Assert.Equal(0, csv.Code);
        Assert.Contains("\r\nola-57-it-service-desk-hr,2026-02-13T17:00:00Z,2026-02-16T05:00:00Z,requests opened in it not measured,\"'=HYPERLINK(", csv.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_neutralises_a_formula_in_a_name_and_keeps_negative_budgets_as_numbers()
    {
        var (code, output, error) = Run("report", Organization(FormulaName), "--format", "csv", "--section", "departments");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"click\"\")\",", output, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", output, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", output, StringComparison.Ordinal);

        var sla = Run("sla", "--format", "csv");
        Assert.Equal(0, sla.Code);
        // 32 of 67 met against 90%: compliance 100 · 32/67, budget left 100 · (0.1 − 35/67) / 0.1, both unrounded and the
        // negative one a plain number.
        var row = sla.Output.Split("\r\n").Single(l => l.StartsWith("ola-34-logistics-end-of-line,logistics,end-of-line,all,resolution,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["67", "32"], row[5..7]);
        var numbers = row[7..10].Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(100.0 * 32 / 67, numbers[0], 9);
        Assert.Equal(90.0, numbers[1], 9);
        Assert.Equal(100 * (0.1 - 35.0 / 67) / 0.1, numbers[2], 9);
        Assert.Equal(["0", "0", "breached"], row[10..]);
    }

    [Fact]
    public void Problem_lines_on_stderr_escape_control_characters()
    {
        var file = Path.Combine(_folder, "bad\u001B]0;owned\u0007.json");
        File.WriteAllText(file, "{");

        var (code, output, error) = Run("validate", file);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith(Path.Combine(_folder, "bad\\u001B]0;owned\\u0007.json") + ": ", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', error);
    }

    [Fact]
    public void A_write_error_exits_1_with_one_line_and_no_stack_trace()
    {
        var error = new StringWriter();

        var code = CliApp.Run(["report"], new ThrowingWriter(), error, stderrIsTerminal: false, Clock);

        Assert.Equal(1, code);
        Assert.Equal(["error: cannot write the output: No space left on device"], Lines(error.ToString()));
    }

    [Fact]
    public void Stdout_on_dev_full_exits_1_with_one_line()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        using var full = new StreamWriter(new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0), new UTF8Encoding(false));
        var error = new StringWriter();

        var code = CliApp.Run(["report"], full, error, stderrIsTerminal: false, Clock);

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(error.ToString()));
        Assert.StartsWith("error: cannot write the output: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_writing_into_a_closed_pipe_exits_1_with_one_line()
    {
        // Console.Out would drop the writes silently; Program writes stdout through file descriptor 1 instead.
        var tool = Path.Combine(AppContext.BaseDirectory, "internal-customer");
        if (OperatingSystem.IsWindows() || !File.Exists(tool))
        {
            return;
        }

        using var process = System.Diagnostics.Process.Start(Tool(tool, "report"))!;
        process.StandardOutput.Close();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("error: cannot write the output: ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "report")]
    [InlineData("--version", "1.0.0")]
    [InlineData("validate", "valid: 25 departments")]
    public async Task The_tool_flushes_what_it_writes_to_stdout(string argument, string expected)
    {
        // Program's stdout writer is never disposed, so every path, System.CommandLine's help included, must flush it.
        var tool = Path.Combine(AppContext.BaseDirectory, "internal-customer");
        if (OperatingSystem.IsWindows() || !File.Exists(tool))
        {
            return;
        }

        using var process = System.Diagnostics.Process.Start(Tool(tool, argument))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_above_the_input_limit_is_refused_with_its_size_and_the_limit()
    {
        var organization = File.ReadAllBytes(ExampleOrganizationFile);
        var file = Path.Combine(_folder, "organization.json");
        File.WriteAllBytes(file, organization);

        Assert.Equal(0, Run(["validate", file], maxInputBytes: organization.Length).Code);

        Assert.Equal(1, Run(["validate", file], maxInputBytes: organization.Length - 1).Code);

        // 3,000,000 bytes against a limit of 2,097,152 (2 MiB): 3,000,000 / 1,048,576 = 2.861 MiB.
        var large = Path.Combine(_folder, "large.json");
        File.WriteAllText(large, "{" + new string(' ', 2_999_998) + "}");
        var (code, output, error) = Run(["validate", large], maxInputBytes: 2 << 20);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal([$"{large}: the file is 3,000,000 bytes (2.9 MiB), more than the input limit of 2,097,152 bytes (2.0 MiB)."], Lines(error));
    }

    [Theory]
    [InlineData(300_000_000L, "300,000,000 bytes (286.1 MiB)")]
    [InlineData(268_435_456L, "268,435,456 bytes (256.0 MiB)")]
    [InlineData(1_000L, "1,000 bytes (0.0 MiB)")]
    public void Sizes_are_said_in_bytes_and_mebibytes(long bytes, string expected) =>
        Assert.Equal(expected, Inputs.Size(bytes));

    [Fact]
    public void Dev_zero_is_read_only_up_to_the_limit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var (code, output, error) = Run(["validate", "/dev/zero"], maxInputBytes: 1 << 20);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            ["/dev/zero: more than the input limit of 1,048,576 bytes (1.0 MiB) read (it is not a regular file of known size, such as a device or a pipe); reading stopped there."],
            Lines(error));
    }

    [Fact]
    public void Validate_dev_zero_with_the_default_limit_ends_with_one_line()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var (code, output, error) = Run("validate", "/dev/zero");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            ["/dev/zero: more than the input limit of 268,435,456 bytes (256.0 MiB) read (it is not a regular file of known size, such as a device or a pipe); reading stopped there."],
            Lines(error));
    }

    [Fact]
    public void Agreements_that_begin_after_today_without_as_of_say_so_and_how_to_pass_as_of()
    {
        // The example's first agreements take effect on 2025-07-01 in Europe/Berlin (UTC+2 in summer): 2025-06-30T22:00Z.
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CliApp.Run(["sla", ExampleOrganizationFile], output, error, stderrIsTerminal: false, new FakeClock(Instant.FromUtc(2020, 1, 1, 0, 0)));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Equal(
            [$"error: {ExampleOrganizationFile}: the data begins at 2025-06-30T22:00:00Z (the first agreement takes effect), after the current time 2020-01-01T00:00:00Z; pass --as-of 2025-06-30 or a later date to judge it as of then."],
            Lines(error.ToString()));
        Assert.DoesNotContain("--as-of:", error.ToString(), StringComparison.Ordinal);

        // The suggested date is accepted.
        Assert.Equal(0, CliApp.Run(["sla", ExampleOrganizationFile, "--as-of", "2025-06-30"], new StringWriter(), new StringWriter(), stderrIsTerminal: false, new FakeClock(Instant.FromUtc(2020, 1, 1, 0, 0))));
    }

    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 7, 1, 0, 0));

    private static string ExampleOrganizationFile => Path.Combine(RepositoryFiles.Root, "docs", "examples", "organization.json");

    private static (int Code, string Output, string Error) Run(params string[] args) => Run(args, Inputs.DefaultMaxInputBytes);

    private static (int Code, string Output, string Error) Run(string[] args, long maxInputBytes)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, stderrIsTerminal: false, Clock, maxInputBytes);
        return (code, output.ToString(), error.ToString());
    }

    private static System.Diagnostics.ProcessStartInfo Tool(string tool, string argument) => new(tool, [argument])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The example organisation with its first department renamed (the JSON writer escapes the name).</summary>
    private string Organization(string firstDepartmentName)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ExampleOrganizationFile))!;
        document["departments"]![0]!["name"] = firstDepartmentName;
        var file = Path.Combine(_folder, "hostile.json");
        File.WriteAllText(file, document.ToJsonString());
        return file;
    }

    private sealed class ThrowingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }
}
