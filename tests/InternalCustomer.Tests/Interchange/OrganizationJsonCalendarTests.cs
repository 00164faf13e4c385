using InternalCustomer.Calendars;
using InternalCustomer.Interchange;
using InternalCustomer.Organizations;
using NodaTime;
using static InternalCustomer.Tests.Generators.OrganizationGenerators;

namespace InternalCustomer.Tests.Interchange;

/// <summary>Special days in the organisation document's calendars: reading, writing in date order, located problems.</summary>
public class OrganizationJsonCalendarTests
{
    private static string Document(string specialDays, string holidays = "[\"2026-12-25\"]") => $$"""
        {
          "schemaVersion": 1,
          "calendars": [
            { "id": "berlin", "zone": "Europe/Berlin", "windows": { "monday": ["09:00-17:00"], "thursday": ["08:00-12:00", "13:00-17:00"] },
              "holidays": {{holidays}}, "specialDays": {{specialDays}} }
          ]
        }
        """;

    [Fact]
    public void Special_days_are_read_and_written_back_in_date_order()
    {
        var json = Document("""
            [ { "date": "2026-12-31", "hours": [] },
              { "date": "2026-12-24", "hours": ["13:00-14:00", "08:00-12:00"] },
              { "date": "2026-12-27", "hours": ["10:00-24:00"] } ]
            """);
        var read = OrganizationJson.Read(json);
        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        var calendar = read.Value!.Calendars[CalendarId.Parse("berlin")];

        Assert.Equal(
            ["2026-12-24 08:00-12:00, 13:00-14:00", "2026-12-27 10:00-24:00", "2026-12-31 closed"],
            calendar.SpecialDays.Select(d => d.ToString()));
        Assert.Equal([new LocalDate(2026, 12, 25)], calendar.Holidays);

        // Thursday 24 Dec: 08-12 and 13-14 (5h instead of 8h); Sunday 27 Dec worked 10-24; Thursday 31 Dec closed.
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 12, 31)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 12, 27)));

        var written = OrganizationJson.WriteToString(read.Value!);
        var at24 = written.IndexOf("\"2026-12-24\"", StringComparison.Ordinal);
        var at27 = written.IndexOf("\"2026-12-27\"", StringComparison.Ordinal);
        var at31 = written.IndexOf("\"2026-12-31\"", StringComparison.Ordinal);
        Assert.True(at24 > 0 && at24 < at27 && at27 < at31, written);
        Assert.Contains("\"hours\": [\n", written.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"10:00-24:00\"", written, StringComparison.Ordinal);
        Assert.Contains("\"hours\": []", written, StringComparison.Ordinal);

        var again = OrganizationJson.Read(written);
        Assert.True(again.IsSuccess, string.Join("\n", again.Problems));
        Assert.Equal(read.Value, again.Value);
        Assert.Equal(calendar, again.Value!.Calendars[CalendarId.Parse("berlin")]);
        Assert.Equal(written, OrganizationJson.WriteToString(again.Value!));
    }

    [Fact]
    public void A_calendar_without_special_days_writes_none()
    {
        var organization = new OrganizationBuilder().AddCalendar("c", BusinessCalendar.WeekdaysNineToFive("Europe/Berlin")).TryBuild().Value!;
        Assert.DoesNotContain("specialDays", OrganizationJson.WriteToString(organization), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_special_days_are_reported_at_their_place()
    {
        var json = Document("""
            [ { "date": "24.12.2026", "hours": ["09:00-12:00"] },
              { "date": "2026-12-28", "hours": ["09:00-12:00", "11:00-13:00"] },
              { "date": "2026-12-29", "hours": ["12:00-09:00"] },
              { "date": "2026-12-25", "hours": [] },
              { "date": "2026-12-30", "hours": [] },
              { "date": "2026-12-30", "hours": ["09:00-10:00"] },
              { "date": "2026-12-31" },
              { "hours": [] },
              { "date": "2027-01-04", "hours": "09:00-12:00", "note": 1 },
              7 ]
            """);
        var problems = OrganizationJson.Read(json).Problems;
        var byPlace = problems.ToDictionary(p => p.Location.ToString(), p => (p.Kind, p.Message));

        Assert.Equal(
            (ProblemKind.InvalidValue, "Expected a special day's date as an ISO-8601 date such as \"2026-12-24\" (from 1900-01-01 to 2200-12-31 (both inclusive), the range the library supports); got \"24.12.2026\"."),
            byPlace["$.calendars[0].specialDays[0].date"]);
        Assert.Equal(
            (ProblemKind.InvalidValue, "Expected working windows on 2026-12-28 that do not overlap; got 09:00-12:00 and 11:00-13:00."),
            byPlace["$.calendars[0].specialDays[1].hours[1]"]);
        Assert.Equal(
            (ProblemKind.InvalidValue, "Expected a working window \"HH:mm-HH:mm\" that ends after it starts (an end of 24:00 for midnight), such as \"09:00-17:00\"; got \"12:00-09:00\"."),
            byPlace["$.calendars[0].specialDays[2].hours[0]"]);
        Assert.Equal(
            (ProblemKind.InvalidValue, "Expected a date to be either a holiday or a special day; got 2026-12-25 as both."),
            byPlace["$.calendars[0].specialDays[3].date"]);
        Assert.Equal(
            (ProblemKind.InvalidValue, "Expected at most one special day per date; got 2026-12-30 again (first at $.calendars[0].specialDays[4])."),
            byPlace["$.calendars[0].specialDays[5].date"]);
        Assert.Equal(
            (ProblemKind.MissingValue, "Required property \"hours\" is missing: expected the special day's working hours, such as [\"09:00-12:00\"], or [] for closed all day."),
            byPlace["$.calendars[0].specialDays[6].hours"]);
        Assert.Equal(ProblemKind.MissingValue, byPlace["$.calendars[0].specialDays[7].date"].Kind);
        Assert.Equal((ProblemKind.WrongType, "Expected an array; got the string \"09:00-12:00\"."), byPlace["$.calendars[0].specialDays[8].hours"]);
        Assert.Equal(ProblemKind.UnexpectedProperty, byPlace["$.calendars[0].specialDays[8].note"].Kind);
        Assert.Equal((ProblemKind.WrongType, "Expected an object; got the number 7."), byPlace["$.calendars[0].specialDays[9]"]);
        Assert.Equal(10, problems.Length);
        Assert.DoesNotContain(problems, p => p.Location.ToString() == "$.calendars[0]");
        Assert.Equal(Path("calendars", 0, "specialDays", 5, "date"), problems.Single(p => p.Message.StartsWith("Expected at most one", StringComparison.Ordinal)).Location);
    }

    [Fact]
    public void Special_days_appear_in_the_schema()
    {
        var schema = File.ReadAllText(RepositoryFiles.Path("docs", "schema", "organization.schema.json"));
        Assert.Contains("\"specialDays\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"specialDay\": {", schema, StringComparison.Ordinal);
    }
}
