using BenchmarkDotNet.Attributes;
using InternalCustomer.Agreements;
using InternalCustomer.Calendars;
using NodaTime;

namespace InternalCustomer.Benchmarks;

/// <summary>
/// SLA timers over 1,000,000 requests (0–3 pauses each, some reopened, 80% resolved) opened across 2026 against one
/// agreement on a London Monday–Friday 09:00–17:00 calendar with the 2026 bank holidays; evaluated at 2027-01-15.
/// Targets (issue 3): evaluating them ≤ 0.3 s single-threaded; compliance over 12 monthly windows ≤ 0.5 s.
/// The baseline is a naive evaluation: LINQ over pauses and a business-time function that steps day by day.
/// </summary>
[MemoryDiagnoser]
public class SlaBenchmarks
{
    private static readonly int Count = BenchmarkScale.Of(1_000_000);
    private static readonly AgreementId Id = AgreementId.Parse("it-payroll");
    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 15, 0, 0);

    private ServiceRequest[] _requests = [];
    private ServiceRequest[] _logs = [];
    private ServiceRequest[] _unpooledLogs = [];
    private SlaTimer _logTimer = null!;
    private ObjectiveEvaluation[] _buffer = [];
    private Interval[] _months = [];
    private SlaTimer _timer = null!;
    private NaiveSla _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        LocalDate[] holidays =
        [
            new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25),
            new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1),
        ];
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/London").WithHolidays(holidays);
        var agreement = new ServiceAgreement(
            Id,
            DepartmentId.Parse("it"),
            DepartmentId.Parse("payroll"),
            [ServiceId.Parse("laptops")],
            CalendarId.Parse("london"),
            new LocalDate(2026, 1, 1),
            null,
            Period.FromMonths(3),
            TimeObjective.FirstResponseWithin(Duration.FromHours(1), 0.9),
            TimeObjective.ResolutionWithin(Duration.FromHours(16), 0.95));
        _timer = new SlaTimer(agreement, calendar);

        // The same agreement reading status logs: the clock conditions a ticketing export would need.
        var clock = new ClockConditions(new Dictionary<string, ClockAction>
        {
            ["New"] = ClockAction.Start,
            ["Waiting for customer"] = ClockAction.Pause,
            ["In Progress"] = ClockAction.Run,
            ["Resolved"] = ClockAction.Stop,
            ["Reopened"] = ClockAction.Start,
        });
        var logAgreement = new ServiceAgreement(
            Id,
            DepartmentId.Parse("it"),
            DepartmentId.Parse("payroll"),
            [ServiceId.Parse("laptops")],
            CalendarId.Parse("london"),
            new LocalDate(2026, 1, 1),
            null,
            Period.FromMonths(3),
            resolution: TimeObjective.ResolutionWithin(Duration.FromHours(16), 0.95).WithClock(clock));
        _logTimer = new SlaTimer(logAgreement, calendar);
        _naive = new NaiveSla(calendar.Zone, new LocalTime(9, 0), new LocalTime(17, 0), [.. holidays], agreement.Resolution!.Within);
        _requests = MakeRequests(Count, seed: 42);
        _logs = MakeStatusLogs(_requests, seed: 7, pooled: true);
        _unpooledLogs = MakeStatusLogs(_requests, seed: 7, pooled: false);
        _buffer = new ObjectiveEvaluation[Count];
        _months = [.. ComplianceWindows.Aligned(calendar.Zone, PeriodUnit.Month, new LocalDate(2026, 1, 1), 12)];

        // A status log without a second reopen is the shorthand request it was made from: same evaluation.
        for (var i = 0; i < 2000; i++)
        {
            if (_logs[i].StatusLog.Count(c => c.Status == "Reopened") < 2
                && _logTimer.Evaluate(_logs[i], ObjectiveKind.Resolution, AsOf) != _timer.Evaluate(_requests[i], ObjectiveKind.Resolution, AsOf))
            {
                throw new InvalidOperationException($"Status log and shorthand disagree on {_requests[i]}.");
            }

            if (_logTimer.Evaluate(_unpooledLogs[i], ObjectiveKind.Resolution, AsOf) != _logTimer.Evaluate(_logs[i], ObjectiveKind.Resolution, AsOf))
            {
                throw new InvalidOperationException($"Pooled and unpooled statuses disagree on {_requests[i]}.");
            }
        }

        // The baseline must compute the same thing: compare a sample before measuring.
        for (var i = 0; i < 2000; i++)
        {
            var fast = _timer.Evaluate(_requests[i], ObjectiveKind.Resolution, AsOf);
            var slow = _naive.Evaluate(_requests[i], AsOf);
            if (fast.Elapsed != slow.Elapsed || fast.Deadline != slow.Deadline || fast.State != slow.State)
            {
                throw new InvalidOperationException($"Baseline disagrees on {_requests[i]}: {fast} vs {slow}.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Naive (LINQ, day-stepping) evaluation of 1M requests")]
    public int NaiveEvaluate()
    {
        var breached = 0;
        foreach (var r in _requests)
        {
            breached += _naive.Evaluate(r, AsOf).State == SlaState.Breached ? 1 : 0;
        }

        return breached;
    }

    /// <summary>The floor under evaluation (issue 16, item 3): per request one <see cref="BusinessCalendar.BusinessTime"/>
    /// (elapsed business time from opening to the resolution or the as-of instant, pauses ignored) and one
    /// <see cref="BusinessCalendar.AddBusinessTime"/> (the deadline), the two calendar calls an evaluation cannot avoid.</summary>
    [Benchmark(Description = "floor: one BusinessTime + one AddBusinessTime per request")]
    public long CalendarFloor()
    {
        var calendar = _timer.Calendar;
        var within = _timer.Agreement.Resolution!.Within;
        long sum = 0;
        foreach (var r in _requests)
        {
            var end = r.Resolved is { } resolved && resolved < AsOf ? resolved : AsOf;
            sum += calendar.BusinessTime(r.Opened, end).BclCompatibleTicks + calendar.AddBusinessTime(r.Opened, within).ToUnixTimeTicks();
        }

        return sum;
    }

    [Benchmark(Description = "SlaTimer.Evaluate of 1M requests into a buffer")]
    public SlaState Evaluate()
    {
        _timer.Evaluate(_requests, ObjectiveKind.Resolution, AsOf, _buffer);
        return _buffer[^1].State;
    }

    [Benchmark(Description = "SlaTimer.Evaluate of 1M status-log requests into a buffer")]
    public SlaState EvaluateStatusLogs()
    {
        _logTimer.Evaluate(_logs, ObjectiveKind.Resolution, AsOf, _buffer);
        return _buffer[^1].State;
    }

    [Benchmark(Description = "SlaTimer.Evaluate of 1M status-log requests, every status its own string, into a buffer")]
    public SlaState EvaluateUnpooledStatusLogs()
    {
        _logTimer.Evaluate(_unpooledLogs, ObjectiveKind.Resolution, AsOf, _buffer);
        return _buffer[^1].State;
    }

    [Benchmark(Description = "SlaTimer.Compliance of 1M requests over 12 months (evaluation included)")]
    public long Compliance() =>
        _timer.Compliance(_requests, ObjectiveKind.Resolution, AsOf, _months).Windows[6].Decided;

    [Benchmark(Description = "SlaTimer.Tally of 1M requests (evaluation included; the scorecard's SLA pass)")]
    public long Tally() =>
        _timer.Tally(_requests, ObjectiveKind.Resolution, AsOf).Decided;

    [Benchmark(Description = "ComplianceReport.From 1M evaluations over 12 months (bucketing only)")]
    public long ComplianceFromEvaluations() =>
        ComplianceReport.From(_buffer, _months, 0.95).Windows[6].Decided;

    internal static ServiceRequest[] MakeRequests(int count, int seed)
    {
        var random = new Random(seed);
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var requests = new ServiceRequest[count];
        static Duration Minutes(Random random, int min, int max) => Duration.FromMinutes(random.Next(min, max));

        for (var i = 0; i < count; i++)
        {
            var opened = start + Duration.FromMinutes(random.Next(0, 365 * 24 * 60));
            var resolved = random.NextDouble() < 0.8;
            var pauses = new Interval[random.Next(0, 4)];
            var t = opened;
            for (var k = 0; k < pauses.Length; k++)
            {
                var ps = t + Minutes(random, 10, 2 * 24 * 60);
                var pe = ps + Minutes(random, 10, 24 * 60);
                pauses[k] = !resolved && k == pauses.Length - 1 && random.NextDouble() < 0.3 ? new Interval(ps, null) : new Interval(ps, pe);
                t = pe;
            }

            Interval? reopen = null;
            if (resolved && random.NextDouble() < 0.05)
            {
                var first = t + Minutes(random, 10, 24 * 60);
                reopen = new Interval(first, first + Minutes(random, 10, 24 * 60));
                t = reopen.Value.End;
            }

            Instant? resolution = resolved ? t + Minutes(random, 10, 3 * 24 * 60) : null;
            requests[i] = new ServiceRequest($"R-{i}", Id, opened, null, resolution, pauses.Length == 0 ? null : pauses, reopen);
        }

        return requests;
    }

    /// <summary>The shorthand requests as the status logs a ticketing system exports: New, then Waiting for customer / In
    /// Progress per pause, Resolved and Reopened per reopen, Resolved at the end; 5% of all requests are reopened twice.
    /// About 5 entries, so 4 transitions after the creation, per request on average. The statuses are never the clock
    /// conditions' own strings (a log read from a file does not share them): <paramref name="pooled"/> gives one string per
    /// distinct status, as the interchange readers do; otherwise every entry has a string of its own, as a host that builds
    /// logs from its own rows without sharing them would.</summary>
    internal static ServiceRequest[] MakeStatusLogs(ServiceRequest[] requests, int seed, bool pooled)
    {
        var random = new Random(seed);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Status(string text) =>
            !pooled ? new string(text.AsSpan())
            : pool.TryGetValue(text, out var kept) ? kept
            : pool[text] = new string(text.AsSpan());
        var logs = new ServiceRequest[requests.Length];
        var entries = new List<StatusChange>(12);
        for (var i = 0; i < requests.Length; i++)
        {
            var r = requests[i];
            entries.Clear();
            entries.Add(new StatusChange(r.Opened, Status("New")));
            var events = new List<(Instant At, string Status)>();
            foreach (var p in r.Pauses)
            {
                events.Add((p.Start, "Waiting for customer"));
                if (p.HasEnd)
                {
                    events.Add((p.End, "In Progress"));
                }
            }

            if (r.Reopen is { } g)
            {
                events.Add((g.Start, "Resolved"));
                events.Add((g.End, "Reopened"));
            }

            // 5% of all requests (resolved ones) are reopened twice: one or two more resolve-reopen cycles just before the end.
            if (r.Resolved is { } end && random.NextDouble() < 0.05 / 0.8)
            {
                var last = events.Count == 0 ? r.Opened : events.Max(e => e.At);
                if (end - last > Duration.FromMinutes(5))
                {
                    events.Add((end - Duration.FromMinutes(4), "Resolved"));
                    events.Add((end - Duration.FromMinutes(3), "Reopened"));
                    if (r.Reopen is null)
                    {
                        events.Add((end - Duration.FromMinutes(2), "Resolved"));
                        events.Add((end - Duration.FromMinutes(1), "Reopened"));
                    }
                }
            }

            events.Sort((a, b) => a.At.CompareTo(b.At));
            entries.AddRange(events.Select(e => new StatusChange(e.At, Status(e.Status))));
            if (r.Resolved is { } resolved)
            {
                entries.Add(new StatusChange(resolved, Status("Resolved")));
            }

            logs[i] = ServiceRequest.FromStatusLog(r.Id, r.Agreement, entries);
        }

        return logs;
    }

    /// <summary>
    /// The naive way: business time by stepping over every local date and intersecting its window, the deadline by
    /// stepping days from each resumption, pauses handled with LINQ. Same rules as <see cref="SlaTimer"/> for a
    /// calendar with one window per weekday that never starts or ends in a DST gap.
    /// </summary>
    private sealed class NaiveSla(DateTimeZone zone, LocalTime open, LocalTime close, HashSet<LocalDate> holidays, Duration allowed)
    {
        public ObjectiveEvaluation Evaluate(ServiceRequest r, Instant asOf)
        {
            var stopped = r.Resolved is { } s && s <= asOf;
            var end = stopped ? r.Resolved!.Value : asOf;
            var pauses = r.Pauses
                .Select(p => (Start: p.Start, End: p.HasEnd ? p.End : (Instant?)null))
                .Concat(r.Reopen is { } g ? [(g.Start, (Instant?)g.End)] : [])
                .Where(p => p.Start < end)
                .OrderBy(p => p.Start)
                .Select(p => (p.Start, End: p.End is { } e && e < end ? e : end))
                .ToList();
            var elapsed = BusinessTime(r.Opened, end) - pauses.Select(p => BusinessTime(p.Start, p.End)).Aggregate(Duration.Zero, (a, b) => a + b);

            var deadline = AddBusinessTime(r.Opened, allowed);
            foreach (var p in pauses.Where(p => p.Start < deadline))
            {
                deadline = AddBusinessTime(r.Opened, allowed + pauses.Where(q => q.Start <= p.Start).Select(q => BusinessTime(q.Start, q.End)).Aggregate(Duration.Zero, (a, b) => a + b));
            }

            var paused = !stopped && r.Pauses.Concat(r.Reopen is { } g2 ? [g2] : []).Any(p => p.Start <= asOf && (!p.HasEnd || asOf < p.End));
            var used = elapsed.TotalNanoseconds / allowed.TotalNanoseconds;
            var level = (used >= 0.5 ? 1 : 0) + (used >= 0.75 ? 1 : 0);
            var state = stopped ? (end <= deadline ? SlaState.Met : SlaState.Breached)
                : deadline < asOf ? SlaState.Breached
                : paused ? SlaState.Paused
                : level > 0 ? SlaState.AtRisk : SlaState.InProgress;
            var decidedAt = state == SlaState.Met ? end : deadline;
            return new ObjectiveEvaluation(ObjectiveKind.Resolution, state, allowed, elapsed, deadline, decidedAt, level);
        }

        private IEnumerable<Interval> Windows(LocalDate from)
        {
            for (var date = from; ; date = date.PlusDays(1))
            {
                if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || holidays.Contains(date))
                {
                    continue;
                }

                yield return new Interval(zone.AtLeniently(date + open).ToInstant(), zone.AtLeniently(date + close).ToInstant());
            }
        }

        private Duration BusinessTime(Instant a, Instant b) =>
            Windows(a.InZone(zone).Date)
                .TakeWhile(w => w.Start < b)
                .Select(w => (Start: w.Start > a ? w.Start : a, End: w.End < b ? w.End : b))
                .Where(w => w.End > w.Start)
                .Aggregate(Duration.Zero, (total, w) => total + (w.End - w.Start));

        private Instant AddBusinessTime(Instant start, Duration d)
        {
            var remaining = d;
            foreach (var w in Windows(start.InZone(zone).Date))
            {
                var from = w.Start > start ? w.Start : start;
                if (w.End <= from)
                {
                    continue;
                }

                if (w.End - from >= remaining)
                {
                    return from + remaining;
                }

                remaining -= w.End - from;
            }

            throw new InvalidOperationException("unreachable: the calendar works every week");
        }
    }
}
