namespace InternalCustomer.Interchange.Json;

// The shape of the organisation document as written; docs/schema/organization.schema.json describes it.
// Property order here is the order in the written document.

/// <summary>The organisation document's root.</summary>
internal sealed record OrganizationDocument(
    int SchemaVersion,
    IReadOnlyList<DepartmentEntry> Departments,
    IReadOnlyList<ServiceEntry> Services,
    IReadOnlyList<DependencyEntry> Dependencies,
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
    SatisfactionEntry? Satisfaction);

/// <summary>A time objective: allowed business time, target ratio, warning thresholds (omitted when the defaults).</summary>
internal sealed record ObjectiveEntry(string Within, double Target, IReadOnlyList<double>? WarningThresholds);

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

/// <summary>One service request; instants and intervals as ISO-8601 text.</summary>
internal sealed record RequestEntry(
    string Id,
    string Agreement,
    string Opened,
    string? FirstResponse,
    string? Resolved,
    IReadOnlyList<string>? Pauses,
    string? Reopen);

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
