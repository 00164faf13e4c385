using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>Computing the event passes of a scorecard in parts on several cores, merged into one accumulator.</content>
public static partial class Scorecard
{
    // Below this many events per part the threads cost more than they save.
    private const int MinimumEventsPerPart = 32_768;

    // Below this many relationships or departments per part of the join, likewise.
    private const int MinimumItemsPerPart = 256;

    // How many parts Compute splits the events into: ScorecardOptions.MaxDegreeOfParallelism (all cores for -1), but no
    // more than one per MinimumEventsPerPart events.
    private static int Parts(ScorecardOptions options, long events) => (int)Math.Max(1, Math.Min(Cores(options), events / MinimumEventsPerPart));

    // The threads the options allow: every core for -1.
    private static int Cores(ScorecardOptions options) => options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;

    // Checks and accumulates the events in parts, part p taking the p-th slice of the requests and of the responses, each
    // into its own accumulator; merges the accumulators in part order and builds the scorecard. Every count is an integer,
    // so the merged accumulator is the one a single pass fills, and the scorecard is the same bit for bit
    // (ScorecardAccumulator's merge law). Returns null when a part meets a problem, or the as-of instant is before the data
    // begins: the caller's single pass then throws the first problem in input order, exactly as without parts.
    private static OrganizationScorecard? ComputeInParts(Organization organization, ServiceRequest[] requests, FeedbackResponse[] responses, ScorecardOptions options, int parts)
    {
        var agreementOf = new int[requests.Length];
        var subjectOf = new int[responses.Length];
        var respondentOf = new int[responses.Length];
        var accumulators = new ScorecardAccumulator?[parts];
        var begins = new Instant?[parts];
        var failed = 0;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, TaskScheduler = TaskScheduler.Default }, p =>
        {
            var (requestStart, requestCount) = Slice(requests.Length, p, parts);
            var (responseStart, responseCount) = Slice(responses.Length, p, parts);
            var mine = requests.AsSpan(requestStart, requestCount);
            var theirs = responses.AsSpan(responseStart, responseCount);
            try
            {
                begins[p] = EarliestEvent(mine, theirs);
                CheckRequests(organization, mine, requestStart, problems: null, agreementOf);
                CheckResponses(organization, theirs, responseStart, options, problems: null, subjectOf, respondentOf);
                var accumulator = new ScorecardAccumulator(organization, options, inputsChecked: true);
                accumulator.AddChecked(mine, agreementOf.AsSpan(requestStart, requestCount));
                accumulator.AddChecked(theirs, subjectOf.AsSpan(responseStart, responseCount), respondentOf.AsSpan(responseStart, responseCount));
                accumulators[p] = accumulator;
            }
#pragma warning disable CA1031 // Any failure of a part is rethrown by the single pass the caller then makes, in input order.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Exchange(ref failed, 1);
            }
        });

        if (failed != 0 || (begins.Min() is { } start && options.AsOf < start))
        {
            return null;
        }

        CheckReferences(organization, options, problems: null);
        var merged = accumulators[0]!;
        for (var p = 1; p < parts; p++)
        {
            merged.Merge(accumulators[p]!);
        }

        return merged.Build();
    }

    // The p-th of parts near-equal slices of count items: its start and length.
    private static (int Start, int Count) Slice(int count, int p, int parts)
    {
        var start = (int)((long)count * p / parts);
        var end = (int)((long)count * (p + 1) / parts);
        return (start, end - start);
    }

    // The earliest request opening or response instant of a slice, or null for none; a null element is a problem the
    // caller's single pass reports.
    private static Instant? EarliestEvent(ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<FeedbackResponse> responses)
    {
        Instant? begins = null;
        foreach (var request in requests)
        {
            var opened = (request ?? throw new ArgumentNullException(nameof(requests))).Opened;
            begins = begins is { } b && b <= opened ? b : opened;
        }

        foreach (var response in responses)
        {
            var instant = (response ?? throw new ArgumentNullException(nameof(responses))).Instant;
            begins = begins is { } b && b <= instant ? b : instant;
        }

        return begins;
    }
}
