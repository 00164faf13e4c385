using InternalCustomer.Organizations;

namespace InternalCustomer.Interchange;

/// <content>The references between the document's entries: no follow-on problem for a reference to an entry that has
/// problems of its own, and "did you mean" for one that names nothing.</content>
public static partial class OrganizationJson
{
    /// <summary>
    /// The ids the document declares (departments, services, calendars, priorities), each with its entry, and the
    /// references it makes to them, each with its location and text, as the reader handed them to the builder.
    /// </summary>
    /// <remarks>
    /// A builder problem of kind <see cref="ProblemKind.UnknownReference"/> at a reference's location is judged by data,
    /// never by its message: when the text is the id of a declared entry that has problems of its own (a calendar with an
    /// unknown zone, a department without a name), the entry's problems say what is wrong and the reference is not reported
    /// again; when some entry declares it cleanly, the problem is about something else (a service another department
    /// offers) and is kept; when no entry declares it, it is kept with the near-miss id, if there is one
    /// (<see cref="IdentifierSuggestion.Suggest"/>), as <c>; did you mean "x"?</c>.
    /// </remarks>
    private sealed class References
    {
        private readonly Dictionary<string, List<(string Id, ProblemLocation Entry)>> _declared = new(StringComparer.Ordinal);
        private readonly Dictionary<ProblemLocation, (string Kind, string Text)> _references = [];

        internal void Declare(string kind, string? id, ProblemLocation entry)
        {
            if (id is null)
            {
                return;
            }

            if (!_declared.TryGetValue(kind, out var list))
            {
                list = [];
                _declared.Add(kind, list);
            }

            list.Add((id, entry));
        }

        internal void Refer(ProblemLocation at, string kind, string? text)
        {
            if (text is not null)
            {
                _references[at] = (kind, text);
            }
        }

        internal void Refer(AgreementDraft draft, ProblemLocation at)
        {
            Refer(at.Property("provider"), "department", draft.Provider);
            Refer(at.Property("consumer"), "department", draft.Consumer);
            Refer(at.Property("calendar"), "calendar", draft.Calendar);
            for (var j = 0; j < (draft.Services?.Count ?? 0); j++)
            {
                Refer(at.Property("services").Element(j), "service", draft.Services![j]);
            }

            for (var j = 0; j < (draft.ObjectiveSets?.Count ?? 0); j++)
            {
                var set = draft.ObjectiveSets![j];
                for (var k = 0; k < (set?.Priorities?.Count ?? 0); k++)
                {
                    Refer(at.Property("objectiveSets").Element(j).Property("priorities").Element(k), "priority", set!.Priorities![k]);
                }
            }
        }

        /// <summary>The problem as the reader reports it: unchanged, with a suggestion, or <see langword="null"/> for a
        /// follow-on of a referenced entry's own problems (<paramref name="broken"/>: the entries, as section and index,
        /// with at least one problem).</summary>
        internal Problem? Judge(Problem problem, HashSet<(string Section, int Index)> broken)
        {
            if (problem.Kind != ProblemKind.UnknownReference || !_references.TryGetValue(problem.Location, out var reference))
            {
                return problem;
            }

            var declared = _declared.GetValueOrDefault(reference.Kind) ?? [];
            var entries = declared.Where(d => string.Equals(d.Id, reference.Text, StringComparison.Ordinal)).ToList();
            if (entries.Count > 0)
            {
                return entries.TrueForAll(e => broken.Contains(Entry(e.Entry))) ? null : problem;
            }

            var suggestion = IdentifierSuggestion.Suggest(reference.Text, declared.Select(d => d.Id).Where(id => AgreementId.TryParse(id, out _)).Distinct(StringComparer.Ordinal));
            return suggestion is null ? problem : new Problem(problem.Kind, problem.Location, IdentifierSuggestion.WithSuggestion(problem.Message, suggestion));
        }

        /// <summary>The entry a location lies in: its section and index (<c>$.calendars[2].zone</c> is in calendars 2).</summary>
        internal static (string Section, int Index) Entry(ProblemLocation location) =>
            location.Segments is [{ Name: { } section }, { Index: { } index }, ..] ? (section, index) : (string.Empty, -1);
    }
}
