using System.Text;
using FsCheck.Xunit;
using InternalCustomer.Calendars;
using InternalCustomer.Interchange;
using InternalCustomer.Tests.Generators;
using NodaTime;

namespace InternalCustomer.Tests.Interchange;

public class IcsHolidaysTests
{
    private static readonly DateInterval Year2026 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
    private static readonly DateInterval Years2026To2030 = new(new LocalDate(2026, 1, 1), new LocalDate(2030, 12, 31));

    /// <summary>
    /// The nationwide public holidays of Germany in 2026, written by hand as a calendar application exports them
    /// (CRLF, folded lines, a VTIMEZONE that the reader ignores, UIDs, a DTEND the day after).
    /// </summary>
    internal static readonly string German2026 =
        "BEGIN:VCALENDAR\r\n"                                          // 1
        + "VERSION:2.0\r\n"                                           // 2
        + "PRODID:-//InternalCustomer tests//Feiertage 2026//DE\r\n"  // 3
        + "CALSCALE:GREGORIAN\r\n"                                    // 4
        + "X-WR-CALNAME:Gesetzliche Feiertage Deutschland\r\n"        // 5
        + "BEGIN:VTIMEZONE\r\n"                                       // 6
        + "TZID:Europe/Berlin\r\n"                                    // 7
        + "BEGIN:STANDARD\r\n"                                        // 8
        + "DTSTART:19701025T030000\r\n"                               // 9
        + "TZOFFSETFROM:+0200\r\n"                                    // 10
        + "TZOFFSETTO:+0100\r\n"                                      // 11
        + "END:STANDARD\r\n"                                          // 12
        + "END:VTIMEZONE\r\n"                                         // 13
        + Event("neujahr", "20260101", "20260102", "Neujahr")
        + Event("karfreitag", "20260403", "20260404", "Karfreitag")
        + Event("ostermontag", "20260406", "20260407", "Ostermontag")
        + Event("tag-der-arbeit", "20260501", "20260502", "Tag der Arbeit")
        + Event("himmelfahrt", "20260514", "20260515", "Christi Himmelfahrt")
        + Event("pfingstmontag", "20260525", "20260526", "Pfingstmontag")
        + Event("einheit", "20261003", "20261004", "Tag der Deutschen Einheit")
        + "BEGIN:VEVENT\r\n"
        + "UID:weihnachten-2026@example.org\r\n"
        + "DTSTAMP:20251101T120000Z\r\n"
        + "DTSTART;VALUE=DATE:20261225\r\n"
        + "DTEND;VALUE=DATE:20261227\r\n"
        + "SUMMARY:1. und 2. Weihnachtstag (zwei Tage\\, ein Ereignis\r\n"
        + " )\r\n"
        + "DESCRIPTION:Gesetzliche Feiertage in allen sechzehn Bundesländern: der \r\n"
        + "\t1. und der 2. Weihnachtsfeiertag.\r\n"
        + "TRANSP:TRANSPARENT\r\n"
        + "END:VEVENT\r\n"
        + "END:VCALENDAR\r\n";

    private static readonly LocalDate[] GermanHolidays2026 =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14),
        new(2026, 5, 25), new(2026, 10, 3), new(2026, 12, 25), new(2026, 12, 26),
    ];

    [Fact]
    public void The_german_holidays_of_2026_are_read_as_the_nine_official_dates()
    {
        var read = IcsHolidays.Read(German2026, Year2026);

        Assert.True(read.IsSuccess, string.Join("\n", read.Problems));
        Assert.Equal(GermanHolidays2026, read.Value!);
    }

    [Fact]
    public void The_movable_feasts_of_the_test_file_agree_with_the_anonymous_gregorian_easter_algorithm()
    {
        // Easter Sunday 2026 by the Anonymous Gregorian (Meeus/Jones/Butcher) algorithm is 5 April; Good Friday is
        // 2 days before, Easter Monday 1 after, Ascension 39 after and Whit Monday 50 after.
        var easter = Easter(2026);

        Assert.Equal(new LocalDate(2026, 4, 5), easter);
        Assert.Contains(easter.PlusDays(-2), GermanHolidays2026);
        Assert.Contains(easter.PlusDays(1), GermanHolidays2026);
        Assert.Contains(easter.PlusDays(39), GermanHolidays2026);
        Assert.Contains(easter.PlusDays(50), GermanHolidays2026);
    }

    [Fact]
    public void The_dates_outside_the_range_are_left_out()
    {
        var read = IcsHolidays.Read(German2026, new DateInterval(new LocalDate(2026, 4, 4), new LocalDate(2026, 12, 25)));

        Assert.Equal([new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25), new(2026, 10, 3), new LocalDate(2026, 12, 25)], read.GetValueOrThrow());
    }

    [Fact]
    public void The_holidays_feed_a_business_calendar()
    {
        var holidays = IcsHolidays.Read(German2026, Year2026).GetValueOrThrow();
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin").WithHolidays(holidays);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        Instant At(int month, int day, int hour) => new LocalDateTime(2026, month, day, hour, 0).InZoneStrictly(zone).ToInstant();

        // Thursday 2 April 09:00 to Tuesday 7 April 17:00: Good Friday, the weekend and Easter Monday are off,
        // so only Thursday and Tuesday count, 8 hours each.
        Assert.Equal(Duration.FromHours(16), calendar.BusinessTime(At(4, 2, 9), At(4, 7, 17)));
        Assert.False(calendar.IsWorkingAt(At(4, 3, 10)));
        Assert.True(calendar.IsWorkingAt(At(4, 2, 10)));
        Assert.Equal(GermanHolidays2026, calendar.Holidays);
    }

    [Fact]
    public void A_yearly_rule_is_expanded_over_the_range()
    {
        var ics = Calendar(
            "BEGIN:VEVENT",
            "UID:may-day",
            "DTSTART;VALUE=DATE:20200501",
            "RRULE:FREQ=YEARLY",
            "SUMMARY:Tag der Arbeit",
            "END:VEVENT");

        var read = IcsHolidays.Read(ics, Years2026To2030);

        Assert.Equal([new(2026, 5, 1), new(2027, 5, 1), new(2028, 5, 1), new(2029, 5, 1), new LocalDate(2030, 5, 1)], read.GetValueOrThrow());
    }

    [Fact]
    public void An_exdate_removes_one_year_and_an_rdate_adds_a_date()
    {
        var ics = Calendar(
            "BEGIN:VEVENT",
            "UID:may-day",
            "DTSTART;VALUE=DATE:20260501",
            "RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1",
            "EXDATE;VALUE=DATE:20280501",
            "RDATE;VALUE=DATE:20270601,20290602",
            "END:VEVENT");

        var read = IcsHolidays.Read(ics, Years2026To2030);

        Assert.Equal(
            [new(2026, 5, 1), new(2027, 5, 1), new(2027, 6, 1), new(2029, 5, 1), new(2029, 6, 2), new LocalDate(2030, 5, 1)],
            read.GetValueOrThrow());
    }

    [Fact]
    public void A_rule_with_count_or_until_ends()
    {
        var ics = Calendar(
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;COUNT=2", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261003", "RRULE:FREQ=YEARLY;UNTIL=20281003", "END:VEVENT");

        var read = IcsHolidays.Read(ics, Years2026To2030);

        Assert.Equal([new(2026, 1, 1), new(2026, 10, 3), new(2027, 1, 1), new(2027, 10, 3), new LocalDate(2028, 10, 3)], read.GetValueOrThrow());
    }

    [Fact]
    public void A_monthly_rule_by_weekday_is_expanded()
    {
        // The first Monday of each month in the first quarter of 2026: 5 January, 2 February, 2 March.
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=MONTHLY;BYDAY=1MO", "END:VEVENT");

        var read = IcsHolidays.Read(ics, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));

        Assert.Equal([new(2026, 1, 5), new(2026, 2, 2), new LocalDate(2026, 3, 2)], read.GetValueOrThrow());
    }

    [Theory]
    [InlineData("DTEND;VALUE=DATE:20261227")]
    [InlineData("DURATION:P3D")]
    public void A_multi_day_event_gives_every_date_it_covers(string end)
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", end, "END:VEVENT");

        var read = IcsHolidays.Read(ics, Year2026);

        Assert.Equal([new(2026, 12, 24), new(2026, 12, 25), new LocalDate(2026, 12, 26)], read.GetValueOrThrow());
    }

    [Fact]
    public void A_week_long_event_that_starts_before_the_range_gives_its_days_inside_it()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20251229", "DURATION:P1W", "END:VEVENT");

        var read = IcsHolidays.Read(ics, Year2026);

        Assert.Equal([new(2026, 1, 1), new(2026, 1, 2), new(2026, 1, 3), new LocalDate(2026, 1, 4)], read.GetValueOrThrow());
    }

    [Fact]
    public void A_timed_event_is_reported_at_its_dtstart()
    {
        var ics = Calendar(
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "END:VEVENT",
            "BEGIN:VEVENT", "SUMMARY:Heiligabend ab 12 Uhr", "DTSTART;TZID=Europe/Berlin:20261224T120000", "DTEND;TZID=Europe/Berlin:20261224T235959", "END:VEVENT");

        var read = IcsHolidays.Read(ics, Year2026);

        Assert.False(read.IsSuccess);
        var problem = Assert.Single(read.Problems, p => p.Location.Segments[0].Name == "DTSTART");
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.InText(8).Property("DTSTART"), problem.Location);
        Assert.Equal("line 8 (DTSTART)", problem.Location.ToString());
        Assert.Contains("timed (DTSTART 20261224T120000)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261224", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_event_is_skipped_and_a_cancelled_occurrence_is_removed()
    {
        var ics = Calendar(
            "BEGIN:VEVENT", "UID:meeting", "STATUS:CANCELLED", "DTSTART:20260310T100000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:may-day", "DTSTART;VALUE=DATE:20260501", "RRULE:FREQ=YEARLY", "END:VEVENT",
            "BEGIN:VEVENT", "UID:may-day", "RECURRENCE-ID;VALUE=DATE:20270501", "STATUS:CANCELLED", "DTSTART;VALUE=DATE:20270501", "END:VEVENT",
            "BEGIN:VEVENT", "UID:may-day", "RECURRENCE-ID;VALUE=DATE:20280501", "DTSTART;VALUE=DATE:20280502", "END:VEVENT");

        var read = IcsHolidays.Read(ics, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2028, 12, 31)));

        Assert.Equal([new(2026, 5, 1), new LocalDate(2028, 5, 2)], read.GetValueOrThrow());
    }

    [Fact]
    public void Crlf_lf_a_bom_and_every_entry_point_give_the_same_dates()
    {
        var lf = German2026.Replace("\r\n", "\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(German2026);
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(lf)).ToArray();

        Assert.Equal(GermanHolidays2026, IcsHolidays.Read(lf, Year2026).GetValueOrThrow());
        Assert.Equal(GermanHolidays2026, IcsHolidays.Read("\uFEFF" + German2026, Year2026).GetValueOrThrow());
        Assert.Equal(GermanHolidays2026, IcsHolidays.Read(bytes, Year2026).GetValueOrThrow());
        Assert.Equal(GermanHolidays2026, IcsHolidays.Read(bom, Year2026).GetValueOrThrow());
        Assert.Equal(GermanHolidays2026, IcsHolidays.Read(new MemoryStream(bom), Year2026).GetValueOrThrow());
        Assert.Equal(GermanHolidays2026, IcsHolidays.Read(new StringReader(lf), Year2026).GetValueOrThrow());
    }

    [Fact]
    public void A_folded_line_is_unfolded_before_it_is_read()
    {
        // "DTSTART;VALUE=DATE:20261225" folded twice, once with a space and once with a tab.
        var ics = Calendar("BEGIN:VEVENT", "DTSTA", " RT;VALUE=DA", "\tTE:20261225", "END:VEVENT");

        Assert.Equal([new LocalDate(2026, 12, 25)], IcsHolidays.Read(ics, Year2026).GetValueOrThrow());
    }

    [Fact]
    public void A_bad_date_in_a_folded_line_is_located_at_its_first_physical_line()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:2026", " 0230", "END:VEVENT");

        var problem = Assert.Single(IcsHolidays.Read(ics, Year2026).Problems);

        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.InText(4).Property("DTSTART"), problem.Location);
        Assert.Equal("Expected a date YYYYMMDD such as 20261225; got \"20260230\", which is not a calendar date.", problem.Message);
    }

    [Fact]
    public void A_line_without_a_colon_is_located()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "SUMMARY Weihnachten", "END:VEVENT");

        var problem = Assert.Single(IcsHolidays.Read(ics, Year2026).Problems);

        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal(ProblemLocation.InText(5), problem.Location);
        Assert.Equal("Expected a content line NAME[;param=value]:value; got \"SUMMARY Weihnachten\", which has no ':'.", problem.Message);
    }

    [Fact]
    public void A_begin_that_is_never_closed_is_located_at_the_begin()
    {
        var ics = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261226\nEND:VEVENT\nEND:VCALENDAR\n";

        var problems = IcsHolidays.Read(ics, Year2026).Problems;

        // Line 5 opens a VEVENT inside a VEVENT; line 8 closes the VCALENDAR while the VEVENT of line 3 is open.
        Assert.Equal(
            new[]
            {
                new Problem(ProblemKind.MalformedInput, ProblemLocation.InText(5), "BEGIN:VEVENT cannot stand inside VEVENT (line 3); a VEVENT belongs directly in the VCALENDAR."),
                new Problem(ProblemKind.MalformedInput, ProblemLocation.InText(8), "END:VCALENDAR does not close BEGIN:VEVENT (line 3); expected END:VEVENT first."),
            },
            problems);
    }

    [Fact]
    public void A_file_that_ends_inside_a_component_names_the_begin()
    {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\n";

        var problems = IcsHolidays.Read(ics, Year2026).Problems;

        Assert.Equal(
            new[]
            {
                new Problem(ProblemKind.MalformedInput, ProblemLocation.InText(1), "BEGIN:VCALENDAR is never closed; expected END:VCALENDAR before the end of the file."),
                new Problem(ProblemKind.MalformedInput, ProblemLocation.InText(3), "BEGIN:VEVENT is never closed; expected END:VEVENT before the end of the file."),
            },
            problems);
    }

    [Fact]
    public void An_end_without_a_begin_and_text_after_the_calendar_are_located()
    {
        var ics = Calendar("END:VEVENT", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "END:VEVENT") + "BEGIN:VCALENDAR\r\n";

        var problems = IcsHolidays.Read(ics, Year2026).Problems;

        Assert.Equal([ProblemLocation.InText(3), ProblemLocation.InText(8)], problems.Select(p => p.Location));
        Assert.Equal("END:VEVENT closes no open component; expected END:VCALENDAR for BEGIN:VCALENDAR at line 1.", problems[0].Message);
        Assert.Equal("Expected the end of the file after END:VCALENDAR (line 7); got \"BEGIN:VCALENDAR\". A file holds one calendar.", problems[1].Message);
    }

    [Theory]
    [InlineData("", "an empty file")]
    [InlineData("\r\n\r\n", "an empty file")]
    [InlineData("{ \"holidays\": [\"2026-12-25\"] }", "\"{ \"holidays\": [\"2026-12-25\"] }\"")]
    [InlineData("date,name\n2026-12-25,Weihnachten\n", "\"date,name\"")]
    [InlineData("BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n", "\"BEGIN:VCARD\"")]
    public void Text_that_is_not_icalendar_gets_one_problem_at_line_1(string text, string got)
    {
        var problem = Assert.Single(IcsHolidays.Read(text, Year2026).Problems);

        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal(ProblemLocation.InText(1), problem.Location);
        Assert.Equal($"Expected an iCalendar file (RFC 5545) starting with the line BEGIN:VCALENDAR; got {got}.", problem.Message);
    }

    [Fact]
    public void Binary_input_gets_one_problem_at_line_1()
    {
        // The start of a PNG file, then bytes that are not UTF-8.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE, 0x00];

        var problem = Assert.Single(IcsHolidays.Read(png, Year2026).Problems);

        Assert.Equal(ProblemKind.MalformedInput, problem.Kind);
        Assert.Equal(ProblemLocation.InText(1), problem.Location);
        Assert.StartsWith("Expected an iCalendar file (RFC 5545) starting with the line BEGIN:VCALENDAR; got \"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_located_at_their_line()
    {
        var text = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "SUMMARY:Weihnachten", "END:VEVENT");
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[text.IndexOf("Weihnachten", StringComparison.Ordinal) + 4] = 0xFF; // the text is ASCII, so a char's index is its byte's

        var problem = Assert.Single(IcsHolidays.Read(bytes, Year2026).Problems);

        Assert.Equal(new Problem(ProblemKind.MalformedInput, ProblemLocation.InText(5), "Expected UTF-8 text; this line holds bytes that are not UTF-8."), problem);
    }

    [Fact]
    public void A_control_character_is_located_at_its_physical_line()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "SUMMARY:Weih", " nach\0ten", "END:VEVENT");

        var problem = Assert.Single(IcsHolidays.Read(ics, Year2026).Problems);

        Assert.Equal(ProblemLocation.InText(6), problem.Location);
        Assert.Equal("Expected text; got the control character U+0000, which iCalendar does not allow in a content line.", problem.Message);
    }

    [Fact]
    public void A_control_character_in_the_first_line_makes_it_no_begin_vcalendar()
    {
        // Found by the mutation property: a form feed after BEGIN:VCALENDAR once left no root to put VERSION in.
        var problem = Assert.Single(IcsHolidays.Read("BEGIN:VCALENDAR\f\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", Year2026).Problems);

        Assert.Equal(ProblemLocation.InText(1), problem.Location);
        Assert.Equal("Expected an iCalendar file (RFC 5545) starting with the line BEGIN:VCALENDAR; got \"BEGIN:VCALENDAR?\".", problem.Message);
    }

    [Theory]
    [InlineData("DTSTART;VALUE=DATE:2026-12-25", 4, "DTSTART", "Expected a date YYYYMMDD such as 20261225; got \"2026-12-25\".")]
    [InlineData("DTSTART;VALUE=DATE:20261325", 4, "DTSTART", "Expected a date YYYYMMDD such as 20261225; got \"20261325\", which is not a calendar date.")]
    [InlineData("DTSTART;VALUE=PERIOD:20261225", 4, "DTSTART", "Expected DTSTART;VALUE=DATE for an all-day event; got VALUE=PERIOD.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261225", 5, "DTEND", "Expected DTEND after DTSTART (2026-12-25): DTEND is the first day after the event, so a one-day event ends on the next day; got 2026-12-25.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nDTEND:20261226T000000", 5, "DTEND", "Expected DTEND as a date, as for an all-day event (DTEND;VALUE=DATE:20261226); got the date-time 20261226T000000.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nDURATION:PT24H", 5, "DURATION", "Expected a positive whole number of days or weeks for an all-day event, such as P1D or P2W; got \"PT24H\".")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261226\nDURATION:P1D", 6, "DURATION", "The event has both DTEND (line 5) and DURATION; expected at most one of them (RFC 5545 §3.6.1).")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nDTSTART;VALUE=DATE:20261226", 5, "DTSTART", "The event has DTSTART twice (lines 4 and 5); expected it once.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nEXDATE;VALUE=DATE:20261225,2026122", 5, "EXDATE", "Expected a date YYYYMMDD such as 20261225; got \"2026122\".")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nRDATE;VALUE=PERIOD:20261226T000000Z/P1D", 5, "RDATE", "Expected RDATE;VALUE=DATE with dates for an all-day event; got VALUE=PERIOD.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nRRULE:FREQ=HOURLY", 5, "RRULE", "Expected FREQ to be one of YEARLY, MONTHLY, WEEKLY, DAILY for an all-day event; got FREQ=HOURLY.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;UNTIL=2030", 5, "RRULE", "Expected UNTIL to be a date YYYYMMDD, as DTSTART is a date (RFC 5545 §3.3.10); got UNTIL=2030.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nRRULE:BYMONTH=12", 5, "RRULE", "Expected the rule to have FREQ (RFC 5545 §3.3.10), such as FREQ=YEARLY; got \"BYMONTH=12\".")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;COUNT=0", 5, "RRULE", "Expected COUNT to be a positive whole number; got COUNT=0.")]
    [InlineData("DTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;BYHOUR=9", 5, "RRULE", "Expected no BYHOUR in the rule of an all-day event (RFC 5545 §3.3.10: not with a DATE DTSTART); got BYHOUR=9.")]
    [InlineData("SUMMARY:Weihnachten", 3, "DTSTART", "Expected the event to have a DTSTART, such as DTSTART;VALUE=DATE:20261225; got none.")]
    public void A_bad_value_is_located_at_its_line_and_property(string lines, int line, string property, string message)
    {
        var ics = Calendar(["BEGIN:VEVENT", .. lines.Split('\n'), "END:VEVENT"]);

        var problem = Assert.Single(IcsHolidays.Read(ics, Year2026).Problems);

        Assert.Equal(ProblemLocation.InText(line).Property(property), problem.Location);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_rule_ical_net_rejects_is_located_at_the_rrule()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;BYMONTH=13", "END:VEVENT");

        var problem = Assert.Single(IcsHolidays.Read(ics, Year2026).Problems);

        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.InText(5).Property("RRULE"), problem.Location);
        Assert.StartsWith("Expected a recurrence rule of RFC 5545 §3.3.10; Ical.Net cannot read \"FREQ=YEARLY;BYMONTH=13\" (", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_matches_no_date_gives_none()
    {
        // There is no 30 February. Without COUNT the rule ends with the range (200 such events, no date, no problem).
        var events = Enumerable.Range(0, 200).SelectMany(_ => new[] { "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "END:VEVENT" });
        var ics = Calendar([.. events]);

        var read = IcsHolidays.Read(ics, Years2026To2030);

        Assert.Empty(read.GetValueOrThrow());
    }

    [Fact]
    public void A_rule_with_count_that_matches_no_date_is_reported_at_its_rrule()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;COUNT=3;BYMONTH=2;BYMONTHDAY=30", "END:VEVENT");

        var problem = Assert.Single(IcsHolidays.Read(ics, Years2026To2030).Problems);

        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal(ProblemLocation.InText(5).Property("RRULE"), problem.Location);
        Assert.Equal("Expected the event (line 3) to repeat on dates from 2026-01-01 to 2030-12-31; the rule found no date in 10000 steps in a row, so it matches nothing.", problem.Message);
    }

    [Fact]
    public void A_yearly_rule_with_count_that_matches_no_date_is_reported_when_it_runs_out_of_years()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;COUNT=3;BYMONTH=2;BYMONTHDAY=30", "END:VEVENT");

        var problem = Assert.Single(IcsHolidays.Read(ics, Years2026To2030).Problems);

        Assert.Equal(ProblemLocation.InText(5).Property("RRULE"), problem.Location);
        Assert.Equal("Expected the event (line 3) to repeat on dates from 2026-01-01 to 2030-12-31; Ical.Net ran past 9999-12-31, the last date it can represent, while looking for the rule's dates (as a rule that matches no date does).", problem.Message);
    }

    [Fact]
    public void The_calendar_needs_version_2()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:1.0\r\nEND:VCALENDAR\r\n";
        const string none = "BEGIN:VCALENDAR\r\nPRODID:x\r\nEND:VCALENDAR\r\n";

        Assert.Equal(new Problem(ProblemKind.InvalidValue, ProblemLocation.InText(2).Property("VERSION"), "Expected VERSION:2.0 (RFC 5545); got \"1.0\"."), Assert.Single(IcsHolidays.Read(ics, Year2026).Problems));
        Assert.Equal(new Problem(ProblemKind.MissingValue, ProblemLocation.InText(1).Property("VERSION"), "Expected the VCALENDAR to have VERSION:2.0 (RFC 5545); got no VERSION."), Assert.Single(IcsHolidays.Read(none, Year2026).Problems));
    }

    [Fact]
    public void A_calendar_without_events_has_no_holidays()
    {
        Assert.Empty(IcsHolidays.Read("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR", Year2026).GetValueOrThrow());
    }

    [Fact]
    public void A_date_without_value_date_is_read_as_a_date()
    {
        var ics = Calendar("BEGIN:VEVENT", "DTSTART:20261225", "END:VEVENT");

        Assert.Equal([new LocalDate(2026, 12, 25)], IcsHolidays.Read(ics, Year2026).GetValueOrThrow());
    }

    [Fact]
    public void Problems_are_capped_at_100_and_a_summary()
    {
        var lines = Enumerable.Range(0, 300).Select(_ => "no colon here");
        var ics = Calendar(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", .. lines, "END:VEVENT"]);

        var problems = IcsHolidays.Read(ics, Year2026).Problems;

        Assert.Equal(101, problems.Length);
        Assert.Equal("… and 200 more problems; only the first 100 are listed.", problems[^1].Message);
    }

    [Fact]
    public void The_arguments_are_checked()
    {
        Assert.Equal("ics", Assert.Throws<ArgumentNullException>(() => IcsHolidays.Read((string)null!, Year2026)).ParamName);
        Assert.Equal("ics", Assert.Throws<ArgumentNullException>(() => IcsHolidays.Read((TextReader)null!, Year2026)).ParamName);
        Assert.Equal("utf8Ics", Assert.Throws<ArgumentNullException>(() => IcsHolidays.Read((Stream)null!, Year2026)).ParamName);
        Assert.Equal("range", Assert.Throws<ArgumentNullException>(() => IcsHolidays.Read(German2026, null!)).ParamName);
    }

    [Fact]
    public void A_range_in_another_calendar_system_names_the_same_days()
    {
        // Julian 2026-01-01 to 2026-12-31 is Gregorian 2026-01-14 to 2027-01-13 (13 days apart in this century):
        // every German holiday of 2026 but New Year's Day.
        var julian = new DateInterval(new LocalDate(2026, 1, 1, CalendarSystem.Julian), new LocalDate(2026, 12, 31, CalendarSystem.Julian));

        var read = IcsHolidays.Read(German2026, julian).GetValueOrThrow();

        Assert.Equal(GermanHolidays2026[1..], read);
        Assert.All(read, d => Assert.Equal(CalendarSystem.Iso, d.Calendar));
    }

    [Property(Arbitrary = new[] { typeof(MutationSeeds) }, MaxTest = 2000, QuietOnSuccess = true)]
    public void Mutated_files_never_throw(MutationSeed seed)
    {
        var random = new Random(seed.Value);
        var document = (seed.Value & 4) == 0
            ? InterchangeGenerators.Mutate(Seed, random, seed.Value)
            : new MutatedDocument(Encoding.UTF8.GetBytes(MutateLines(random)), "line edits", seed.Value);
        var result = (seed.Value & 3) switch
        {
            0 => IcsHolidays.Read(Encoding.UTF8.GetString(document.Bytes), Years2026To2030),
            1 => IcsHolidays.Read(new MemoryStream(document.Bytes), Years2026To2030),
            _ => IcsHolidays.Read(document.Bytes, Years2026To2030),
        };

        Assert.True(result.IsSuccess != (result.Problems.Length > 0), document.ToString());
        Assert.True(result.Problems.Length <= 101, document.ToString());
        Assert.All(result.Problems.Take(100), p => Assert.True(p.Location.Line is >= 1, document.ToString()));
    }

    private static readonly string[] SeedLines =
    [
        .. German2026.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[..^1],
        "BEGIN:VEVENT", "UID:may-day", "DTSTART;VALUE=DATE:20200501", "RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1", "EXDATE;VALUE=DATE:20280501",
        "RDATE;VALUE=DATE:20270601", "END:VEVENT",
        "BEGIN:VEVENT", "UID:may-day", "RECURRENCE-ID;VALUE=DATE:20290501", "STATUS:CANCELLED", "DTSTART;VALUE=DATE:20290501", "END:VEVENT",
        "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", "DURATION:P1W", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM", "END:VEVENT",
        "END:VCALENDAR",
    ];

    private static readonly byte[] Seed = Encoding.UTF8.GetBytes(string.Join("\r\n", SeedLines) + "\r\n");

    private static readonly string[] HostileValues =
    [
        "", ":", ";", "=", "\"", " ", "DTSTART;VALUE=DATE:99991231", "DTSTART;VALUE=DATE:00010101", "DTSTART;VALUE=DATE:00000101",
        "RRULE:FREQ=DAILY", "RRULE:FREQ=SECONDLY", "RRULE:FREQ=YEARLY;INTERVAL=2147483647", "RRULE:FREQ=YEARLY;COUNT=999999999",
        "RRULE:FREQ=YEARLY;BYSETPOS=-400;BYDAY=MO", "RRULE:FREQ=MONTHLY;BYMONTHDAY=-32", "RRULE:FREQ=YEARLY;BYWEEKNO=54", "RRULE:FREQ=YEARLY;BYYEARDAY=367",
        "RRULE:FREQ=WEEKLY;WKST=XX", "RRULE:FREQ=YEARLY;UNTIL=00010101", "DURATION:P99999999D", "DURATION:P9999999W", "DTEND;VALUE=DATE:99991231",
        "EXDATE:20260101T000000Z", "RDATE;VALUE=DATE:,,", "BEGIN:", "END:", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR", "BEGIN:VCALENDAR",
        "X-;=\"a", "DTSTART;TZID=\"Europe/Berlin:20261224T120000", "RECURRENCE-ID:20260101", "UID:", "STATUS:CANCELLED",
    ];

    private static string MutateLines(Random random)
    {
        var lines = SeedLines.ToList();
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    lines[at] = HostileValues[random.Next(HostileValues.Length)];
                    break;
                case 3:
                    lines.Insert(at, HostileValues[random.Next(HostileValues.Length)]);
                    break;
                default:
                    var split = random.Next(lines[at].Length + 1);
                    lines[at] = lines[at][..split] + "\r\n" + (random.Next(2) == 0 ? " " : string.Empty) + lines[at][split..];
                    break;
            }
        }

        return string.Join(random.Next(2) == 0 ? "\r\n" : "\n", lines);
    }

    private static string Event(string uid, string start, string end, string summary) =>
        "BEGIN:VEVENT\r\n"
        + $"UID:{uid}-2026@example.org\r\n"
        + "DTSTAMP:20251101T120000Z\r\n"
        + $"DTSTART;VALUE=DATE:{start}\r\n"
        + $"DTEND;VALUE=DATE:{end}\r\n"
        + $"SUMMARY:{summary}\r\n"
        + "TRANSP:TRANSPARENT\r\n"
        + "END:VEVENT\r\n";

    /// <summary>A VCALENDAR around the lines, CRLF-terminated: BEGIN:VCALENDAR is line 1, VERSION line 2, the first given line line 3.</summary>
    private static string Calendar(params string[] lines) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", .. lines, "END:VCALENDAR"]) + "\r\n";

    /// <summary>Easter Sunday by the Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8).</summary>
    private static LocalDate Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
