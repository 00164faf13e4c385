using FsCheck.Xunit;
using InternalCustomer.Agreements;
using InternalCustomer.Tests.Generators;
using NodaTime;
using static InternalCustomer.Tests.Agreements.Desk;

namespace InternalCustomer.Tests.Agreements;

// The timer remembers, per thread and per clock, which action each status string instance stands for (so that a log read
// from a file, whose statuses are not the clock's own strings, is not hashed entry by entry). What it remembers must never
// change an evaluation: not the string instances a log uses, not another clock evaluated on the same thread in between,
// not more distinct instances than it has room for. Calendar: Mon–Fri 09:00–17:00 UTC, March 2026 (Mon 2 Mar).
public class StatusLookupTests
{
    // The same status text, "hold", means opposite things to two clocks.
    private static readonly ClockConditions HoldPauses = new(
    [
        new("new", ClockAction.Start),
        new("hold", ClockAction.Pause),
        new("working", ClockAction.Run),
        new("done", ClockAction.Stop),
    ]);

    private static readonly ClockConditions HoldRuns = new(
    [
        new("new", ClockAction.Start),
        new("hold", ClockAction.Run),
        new("working", ClockAction.Run),
        new("done", ClockAction.Stop),
    ]);

    private static SlaTimer TimerOf(ClockConditions clock) =>
        new(Single(null, TimeObjective.ResolutionWithin(Duration.FromHours(8), 0.9).WithClock(clock)), Utc);

    // Each status a copy of its own (as a reader that does not pool would return them).
    private static string Copy(string text) => new(text.AsSpan());

    private static ServiceRequest HeldLog(Func<string, string> status) => ServiceRequest.FromStatusLog(
        "INC-1",
        Id,
        [
            new StatusChange(Mar(2, 9), status("new")),
            new StatusChange(Mar(2, 10), status("hold")),
            new StatusChange(Mar(2, 12), status("working")),
            new StatusChange(Mar(2, 15), status("done")),
        ]);

    [Fact]
    public void A_status_text_means_what_each_clock_says_when_two_clocks_alternate_on_one_thread()
    {
        // new 09:00, hold 10:00–12:00, done 15:00. Hold pauses: 1 h + 3 h = 4 h elapsed. Hold runs: 09:00–15:00 = 6 h.
        var pauses = TimerOf(HoldPauses);
        var runs = TimerOf(HoldRuns);
        var log = HeldLog(Copy);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(Duration.FromHours(4), pauses.Evaluate(log, ObjectiveKind.Resolution, Mar(3, 9)).Elapsed);
            Assert.Equal(Duration.FromHours(6), runs.Evaluate(log, ObjectiveKind.Resolution, Mar(3, 9)).Elapsed);
        }

        // In one batch each, after the other clock: the same.
        var batch = new[] { log, HeldLog(s => s), HeldLog(Copy) };
        Assert.All(pauses.EvaluateAll(batch, ObjectiveKind.Resolution, Mar(3, 9)), e => Assert.Equal(Duration.FromHours(4), e.Elapsed));
        Assert.All(runs.EvaluateAll(batch, ObjectiveKind.Resolution, Mar(3, 9)), e => Assert.Equal(Duration.FromHours(6), e.Elapsed));
    }

    [Fact]
    public void More_clocks_than_the_memo_keeps_alternate_without_mixing_their_meanings()
    {
        // Ten clocks (the memo keeps eight), "hold" pausing under the even ones and running under the odd ones, read in
        // turn twice over with the same status strings: 4 h elapsed under every even clock, 6 h under every odd one.
        var timers = Enumerable.Range(0, 10).Select(k => TimerOf(new ClockConditions(
        [
            new("new", ClockAction.Start),
            new("hold", k % 2 == 0 ? ClockAction.Pause : ClockAction.Run),
            new("working", ClockAction.Run),
            new("done", ClockAction.Stop),
        ]))).ToArray();
        var log = HeldLog(Copy);
        for (var round = 0; round < 2; round++)
        {
            for (var k = 0; k < timers.Length; k++)
            {
                Assert.Equal(Duration.FromHours(k % 2 == 0 ? 4 : 6), timers[k].Evaluate(log, ObjectiveKind.Resolution, Mar(3, 9)).Elapsed);
            }
        }
    }

    [Fact]
    public void More_distinct_status_instances_than_the_memo_holds_are_still_each_looked_up()
    {
        // 40 requests, each with its own copies of the statuses: 160 instances, far more than the memo remembers. Request k
        // holds from 10:00 for k % 4 hours (0–3 h), so elapsed = 6 h − hold.
        var timer = TimerOf(HoldPauses);
        var logs = Enumerable.Range(0, 40).Select(k => ServiceRequest.FromStatusLog(
            $"INC-{k}",
            Id,
            [
                new StatusChange(Mar(2, 9), Copy("new")),
                new StatusChange(Mar(2, 10), Copy("hold")),
                new StatusChange(Mar(2, 10) + Duration.FromHours(k % 4), Copy("working")),
                new StatusChange(Mar(2, 15), Copy("done")),
            ])).ToArray();
        var evaluations = timer.EvaluateAll(logs, ObjectiveKind.Resolution, Mar(3, 9));
        for (var k = 0; k < logs.Length; k++)
        {
            Assert.Equal(Duration.FromHours(6 - (k % 4)), evaluations[k].Elapsed);
        }
    }

    [Fact]
    public void A_status_the_clock_does_not_know_is_reported_even_after_known_ones_were_remembered()
    {
        var timer = TimerOf(HoldPauses);
        Assert.Equal(SlaState.Met, timer.Evaluate(HeldLog(Copy), ObjectiveKind.Resolution, Mar(3, 9)).State);
        var unknown = ServiceRequest.FromStatusLog("INC-9", Id, [new StatusChange(Mar(2, 9), "new"), new StatusChange(Mar(2, 10), Copy("parked"))]);
        var error = Assert.Throws<ArgumentException>(() => timer.Evaluate(unknown, ObjectiveKind.Resolution, Mar(3, 9)));
        Assert.Contains("\"parked\"", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The law: a log evaluates the same whatever string instances its statuses are, on random calendars and logs,
    /// with the other clock of the scenario evaluated in between on the same thread.</summary>
    [Property(Arbitrary = new[] { typeof(StatusLogGenerators) }, MaxTest = 200)]
    public bool The_string_instances_of_the_statuses_change_no_evaluation(EquivalenceScenario s)
    {
        var copied = ServiceRequest.FromStatusLog(s.Log.Id, s.Log.Agreement, s.Log.StatusLog.Select(c => new StatusChange(c.At, Copy(c.Status), c.Priority)));
        foreach (var kind in new[] { ObjectiveKind.FirstResponse, ObjectiveKind.Resolution, ObjectiveKind.FirstResponse })
        {
            var expected = s.LogTimer.Evaluate(s.Log, kind, s.AsOf);
            var actual = s.LogTimer.Evaluate(copied, kind, s.AsOf);
            if (expected != actual)
            {
                throw new InvalidOperationException($"{kind}: the log's own statuses {expected}; copies {actual}.");
            }
        }

        return true;
    }
}
