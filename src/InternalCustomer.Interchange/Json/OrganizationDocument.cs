namespace InternalCustomer.Interchange.Json;

// The shape of the organisation document as written; docs/schema/organization.schema.json describes it.
// Property order here is the order in the written document.

/// <summary>The organisation document's root.</summary>
internal sealed record OrganizationDocument(
    int SchemaVersion,
    IReadOnlyList<DepartmentEntry> Departments,
    IReadOnlyList<ServiceEntry> Services,
    IReadOnlyList<DependencyEntry> Dependencies,
    IReadOnlyList<string>? Priorities,
    IReadOnlyList<CalendarEntry> Calendars,
    IReadOnlyList<AgreementEntry> Agreements);

/// <summary>One business calendar: a tzdb zone, working windows per ISO weekday ("09:00-17:00"), holidays, special days.</summary>
internal sealed record CalendarEntry(
    string Id,
    string Zone,
    Dictionary<string, List<string>> Windows,
    IReadOnlyList<string>? Holidays,
    IReadOnlyList<SpecialDayEntry>? SpecialDays);

/// <summary>One special day: an ISO date and the working hours that replace its weekday's (empty for closed all day).</summary>
internal sealed record SpecialDayEntry(string Date, IReadOnlyList<string> Hours);

/// <summary>One service agreement; dates, periods and durations as ISO-8601 text.</summary>
internal sealed record AgreementEntry(
    string Id,
    string Provider,
    string Consumer,
    IReadOnlyList<string> Services,
    string Calendar,
    string EffectiveFrom,
    string? EffectiveUntil,
    string ReviewCadence,
    ObjectiveEntry? FirstResponse,
    ObjectiveEntry? Resolution,
    IReadOnlyList<ObjectiveSetEntry>? ObjectiveSets,
    SatisfactionEntry? Satisfaction,
    IReadOnlyList<ExclusionEntry>? Exclusions);

/// <summary>
/// A time objective: allowed business time (a duration with a time part only) or business days, target ratio, warning
/// thresholds (omitted when the defaults), clock conditions for requests given as status logs.
/// </summary>
internal sealed record ObjectiveEntry(string? Within, int? WithinBusinessDays, double Target, IReadOnlyList<double>? WarningThresholds, ClockEntry? Clock);

/// <summary>Clock conditions: each status (sorted ordinally) with its action in camel case; retroactiveStart written only when true.</summary>
internal sealed record ClockEntry(Dictionary<string, string> Statuses, bool? RetroactiveStart);

/// <summary>An objective set: its name, the request classes it selects (each list omitted for any), its objectives.</summary>
internal sealed record ObjectiveSetEntry(
    string Name,
    IReadOnlyList<string>? Priorities,
    IReadOnlyList<string>? Services,
    IReadOnlyList<string>? Categories,
    ObjectiveEntry? FirstResponse,
    ObjectiveEntry? Resolution);

/// <summary>A maintenance window or SLO correction: instants as ISO-8601 text, its reason and its effect in camel case.</summary>
internal sealed record ExclusionEntry(string From, string Until, string Reason, string Effect);

/// <summary>A satisfaction objective.</summary>
internal sealed record SatisfactionEntry(double Target);

/// <summary>One department.</summary>
internal sealed record DepartmentEntry(string Id, string Name, string? Parent, string? Description);

/// <summary>One service of a department's catalogue.</summary>
internal sealed record ServiceEntry(string Id, string Name, string Provider, string? Category);

/// <summary>One declared dependency, consumer on provider.</summary>
internal sealed record DependencyEntry(string Provider, string Consumer, int Criticality, double? Volume);

/// <summary>The service-request document's root.</summary>
internal sealed record RequestsDocument(int SchemaVersion, IReadOnlyList<RequestEntry> Requests);

/// <summary>One service request, in the shorthand form (opened ...) or as a status log; instants and intervals as ISO-8601 text.</summary>
internal sealed record RequestEntry(
    string Id,
    string Agreement,
    string? Priority,
    string? Service,
    string? Category,
    string? Opened,
    string? FirstResponse,
    string? Resolved,
    IReadOnlyList<string>? Pauses,
    string? Reopen,
    IReadOnlyList<StatusChangeEntry>? StatusLog);

/// <summary>One entry of a request's status log.</summary>
internal sealed record StatusChangeEntry(string At, string Status, string? Priority);

/// <summary>The feedback-response document's root.</summary>
internal sealed record ResponsesDocument(int SchemaVersion, IReadOnlyList<ResponseEntry> Responses);

/// <summary>One feedback response.</summary>
internal sealed record ResponseEntry(
    string Respondent,
    string Subject,
    string Instant,
    int ScaleMin,
    int ScaleMax,
    int Overall,
    int? Recommend,
    int? Effort,
    string? Agreement,
    string? Service,
    string? Comment,
    Dictionary<string, int>? Perceptions,
    Dictionary<string, int>? Expectations);
