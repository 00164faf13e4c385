using System.Globalization;
using InternalCustomer.Agreements;
using InternalCustomer.Feedback;
using InternalCustomer.Organizations;
using NodaTime;

namespace InternalCustomer.Scorecards;

/// <content>Checking the inputs: where the data begins, and the cross-references of requests, responses and last reviews.</content>
public static partial class Scorecard
{
    /// <summary>Gets the instant the organisation's data begins: the earliest request opening or response, or, with neither,
    /// the start of the earliest agreement's first effective day in its calendar's zone. A scorecard cannot be computed before it.</summary>
    /// <param name="organization">The organisation.</param>
    /// <param name="requests">The service requests.</param>
    /// <param name="responses">The feedback responses.</param>
    /// <returns>The instant, or <see langword="null"/> when there are no requests, responses or agreements.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> or an element is <see langword="null"/>.</exception>
    public static Instant? DataBegins(Organization organization, ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<FeedbackResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(organization);
        Instant? begins = null;
        for (var i = 0; i < requests.Length; i++)
        {
            var opened = (requests[i] ?? throw new ArgumentNullException(nameof(requests), $"Expected a request at requests[{i}]; got null.")).Opened;
            begins = begins is { } b && b <= opened ? b : opened;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            var instant = (responses[i] ?? throw new ArgumentNullException(nameof(responses), $"Expected a response at responses[{i}]; got null.")).Instant;
            begins = begins is { } b && b <= instant ? b : instant;
        }

        if (begins is null && !organization.Agreements.IsEmpty)
        {
            begins = organization.Agreements.Min(a => a.EffectiveFrom.AtStartOfDayInZone(organization.GetCalendar(a.Calendar).Zone).ToInstant());
        }

        return begins;
    }

    /// <summary>The latest instant in the data: the last opening, first response or resolution of a request, or the last
    /// response; the natural as-of instant for a report on data as it was exported.</summary>
    /// <param name="requests">The service requests.</param>
    /// <param name="responses">The feedback responses.</param>
    /// <returns>The latest instant, or <see langword="null"/> when there are neither requests nor responses.</returns>
    /// <exception cref="ArgumentNullException">An element is <see langword="null"/>.</exception>
    public static Instant? DataEnds(ReadOnlySpan<ServiceRequest> requests, ReadOnlySpan<FeedbackResponse> responses)
    {
        Instant? ends = null;
        for (var i = 0; i < requests.Length; i++)
        {
            var r = requests[i] ?? throw new ArgumentNullException(nameof(requests), $"Expected a request at requests[{i}]; got null.");
            var last = r.IsStatusLog ? r.StatusLog[^1].At : Instant.Max(r.Opened, Instant.Max(r.FirstResponse ?? r.Opened, r.Resolved ?? r.Opened));
            ends = ends is { } e && e >= last ? e : last;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            var instant = (responses[i] ?? throw new ArgumentNullException(nameof(responses), $"Expected a response at responses[{i}]; got null.")).Instant;
            ends = ends is { } e && e >= instant ? e : instant;
        }

        return ends;
    }

    // One pass over the inputs: with problems == null the first problem is thrown (Compute), else every one is listed
    // (Validate). Compute passes arrays that receive each request's agreement index and each response's subject index,
    // so that the later passes look nothing up again.
    private static void Check(
        Organization organization,
        ReadOnlySpan<ServiceRequest> requests,
        ReadOnlySpan<FeedbackResponse> responses,
        ScorecardOptions options,
        List<Problem>? problems,
        int[]? agreementOf = null,
        int[]? subjectOf = null,
        int[]? respondentOf = null)
    {
        var asOf = options.AsOf;
        if (DataBegins(organization, requests, responses) is { } start && asOf < start)
        {
            Report(problems, new(ProblemKind.InvalidValue, At(nameof(options)).Property("asOf"), Text($"AsOf must not be before the organization's data begins ({start}); got {asOf}.")), asOf);
        }

        CheckRequests(organization, requests, 0, problems, agreementOf);
        CheckResponses(organization, responses, 0, options, problems, subjectOf, respondentOf);
        CheckReferences(organization, options, problems);
    }

    // The requests' agreements and classes; requests is the slice of Compute's requests that begins at offset (messages and
    // locations name the index in the whole span), agreementOf is indexed like the whole span.
    private static void CheckRequests(Organization organization, ReadOnlySpan<ServiceRequest> requests, int offset, List<Problem>? problems, int[]? agreementOf)
    {
        var agreements = organization.AgreementIndex;
        var timers = new SlaTimer?[organization.Agreements.Length];
        for (var k = 0; k < requests.Length; k++)
        {
            var i = offset + k;
            var request = requests[k];
            if (agreements.TryGetValue(request.Agreement.Value, out var a))
            {
                agreementOf?[i] = a;
                CheckClass(organization, a, request, i, problems, timers);
            }
            else
            {
                Report(problems, new(ProblemKind.UnknownReference, At(nameof(requests)).Element(i).Property("agreement"), $"Request '{request.Id}' at requests[{i}] names agreement '{request.Agreement}', which is not an agreement of this organization."));
            }
        }
    }

    // The responses' departments and scales; responses is the slice that begins at offset, as for CheckRequests.
    private static void CheckResponses(
        Organization organization, ReadOnlySpan<FeedbackResponse> responses, int offset, ScorecardOptions options, List<Problem>? problems, int[]? subjectOf, int[]? respondentOf)
    {
        for (var k = 0; k < responses.Length; k++)
        {
            var i = offset + k;
            var r = responses[k];
            if (organization.TryGetIndex(r.Subject, out var subject))
            {
                subjectOf?[i] = subject;
            }
            else
            {
                Report(problems, UnknownDepartment(i, "subject", r.Subject));
            }

            if (organization.TryGetIndex(r.Respondent, out var respondent))
            {
                respondentOf?[i] = respondent;
            }
            else
            {
                Report(problems, UnknownDepartment(i, "respondent", r.Respondent));
            }

            if (options.OtherScales == OtherScaleRule.Reject && !r.OverallScale.Equals(options.OverallScale))
            {
                Report(problems, new(ProblemKind.InvalidValue, At(nameof(responses)).Element(i).Property("overallScale"), $"Response at responses[{i}] rates on the scale {r.OverallScale}; expected the options' overall scale {options.OverallScale}."));
            }
        }
    }

    // What the options name: the last reviews' agreements and the improvement record's departments and agreements.
    private static void CheckReferences(Organization organization, ScorecardOptions options, List<Problem>? problems)
    {
        var agreements = organization.AgreementIndex;
        foreach (var id in options.LastReviews?.Keys ?? [])
        {
            if (!agreements.ContainsKey(id.Value))
            {
                Report(problems, new(ProblemKind.UnknownReference, At(nameof(options)).Property("lastReviews").Property(id.Value), $"LastReviews names agreement '{id}', which is not an agreement of this organization."));
            }
        }

        if (options.Improvement is { } record)
        {
            CheckImprovement(organization, record, options.Dimensions, problems);
        }
    }

    // A request's class against its agreement: a declared priority, a covered service, a status log its clocks can read
    // (problems that Compute throws), and, for Validate only, a class that no objective set matches (Compute counts those
    // as SlaState.Unmatched rather than failing).
    // index: the request's index in Compute's requests ($.requests[i], " at requests[i]" in messages), or -1 for the one
    // request of ScorecardAccumulator.Add ($.request, nothing in messages). The locations and texts are built only for a
    // problem: this runs once per request, and building them eagerly cost ~400 bytes a request.
    // a: the index of the request's agreement; timers: the caller's timers by agreement index, filled as status logs need them.
    internal static void CheckClass(Organization organization, int a, ServiceRequest request, int index, List<Problem>? problems, SlaTimer?[] timers)
    {
        var agreement = organization.Agreements[a];
        if (request.Priority is { } p && organization.RankOf(p) < 0)
        {
            Report(problems, UndeclaredPriority(organization, request, index, p, RequestAt(index).Property("priority")));
        }

        var log = request.StatusLog;
        for (var j = 0; j < log.Length; j++)
        {
            if (log[j].Priority is { } q && organization.RankOf(q) < 0)
            {
                Report(problems, UndeclaredPriority(organization, request, index, q, RequestAt(index).Property("statusLog").Element(j).Property("priority")));
            }
        }

        if (request.Service is { } service && !agreement.Services.Contains(service))
        {
            Report(problems, new(ProblemKind.UnknownReference, RequestAt(index).Property("service"), $"Request '{request.Id}'{RequestWhere(index)} is for service '{service}', which agreement '{agreement.Id}' does not cover; it covers {string.Join(", ", agreement.Services)}."));
        }

        if (request.IsStatusLog && agreement.HasTimeObjectives && (timers[a] ??= organization.TimerFor(agreement.Id)).CheckLog(request) is { } logProblem)
        {
            Report(problems, new(logProblem.Kind, Concat(RequestAt(index), logProblem.Location), logProblem.Message));
        }

        if (problems is not null && agreement.HasTimeObjectives && !(agreement.ObjectiveSets is [{ Selector.IsAny: true }]))
        {
            var priority = request.IsStatusLog ? request.PriorityAt(Instant.MaxValue) : request.Priority;
            if (agreement.SelectSet(priority, request.Service, request.Category) is null)
            {
                problems.Add(new(
                    ProblemKind.InvalidValue,
                    RequestAt(index),
                    $"Request '{request.Id}'{RequestWhere(index)} (priority {priority?.ToString() ?? "none"}, service {request.Service?.ToString() ?? "none"}, category {request.Category ?? "none"}) matches no objective set of agreement '{agreement.Id}' ({string.Join("; ", agreement.ObjectiveSets)}); its time objectives will count it as unmatched."));
            }
        }
    }

    private static Problem UndeclaredPriority(Organization organization, ServiceRequest request, int index, PriorityId priority, ProblemLocation location) =>
        new(ProblemKind.UnknownReference, location, $"Request '{request.Id}'{RequestWhere(index)} has priority '{priority}', which the organization does not declare; it declares {(organization.Priorities.IsEmpty ? "none" : string.Join(", ", organization.Priorities))}.");

    // The location and the message phrase of the request CheckClass checks (see there).
    private static ProblemLocation RequestAt(int index) => index < 0 ? At("request") : At("requests").Element(index);

    private static string RequestWhere(int index) => index < 0 ? string.Empty : Text($" at requests[{index}]");

    private static ProblemLocation Concat(ProblemLocation prefix, ProblemLocation suffix) => ProblemLocation.FromPath([.. prefix.Segments, .. suffix.Segments]);

    private static Problem UnknownDepartment(int i, string role, DepartmentId department) =>
        new(ProblemKind.UnknownReference, At("responses").Element(i).Property(role), $"Response at responses[{i}] names department '{department}', which is not a department of this organization.");

    /// <summary>The location of a parameter of <see cref="Compute"/>: problems are located as <c>$.requests[3].agreement</c>,
    /// camelCase like every location the library reports.</summary>
    internal static ProblemLocation At(string parameter) => ProblemLocation.Root.Property(parameter);

    internal static void Report(List<Problem>? problems, Problem problem, Instant? asOf = null)
    {
        if (problems is not null)
        {
            problems.Add(problem);
            return;
        }

        var parameter = problem.Location.Segments[0].Name;
        throw asOf is { } value
            ? new ArgumentOutOfRangeException(parameter, value, problem.Message)
            : new ArgumentException(problem.Message, parameter);
    }

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
