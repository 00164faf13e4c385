using System.Runtime.CompilerServices;
using System.Text.Json;
using InternalCustomer.Interchange.Json;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>How a streaming reader makes records of a JSON document <c>{ "schemaVersion": 1, "&lt;array&gt;": [ ... ] }</c>:
/// the array's name, the properties of its elements, and a step per element (<paramref name="PerElement"/> returns one
/// for the document, holding what the elements share, such as the ids seen).</summary>
internal sealed record JsonStreamFormat<T>(
    string ArrayName,
    string[] ElementProperties,
    Func<Func<RecordSource, (T? Record, RecordOrigin? Origin)>> PerElement)
    where T : class;

/// <summary>
/// The streaming JSON reader: a <see cref="Utf8JsonReader"/> over a window refilled from the stream, its state carried
/// from one window to the next. Every token passes the checks of the synchronous syntax check (<see cref="JsonInput"/>),
/// so a syntax error is said at the same line and column with the same words; each element of the array is held only
/// until it is complete, then read as the synchronous reader reads it (<see cref="JsonFields"/>, the record mapping).
/// </summary>
internal static class JsonRecords
{
    internal static async IAsyncEnumerable<RecordResult<T>> Read<T>(Stream stream, JsonStreamFormat<T> format, ReadOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var window = new Utf8Window(stream);
        var parser = new Parser<T>(format, ReadOptions.MaxProblemsOf(options));
        var output = new List<RecordResult<T>>();
        await window.FillAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = parser.Pump(window, output);
            foreach (var item in output)
            {
                yield return item;
            }

            output.Clear();
            if (step == Step.Done)
            {
                yield break;
            }

            if (step == Step.NeedMore)
            {
                window.Discard((int)(parser.KeepFrom - window.StartOffset));

                // The reader goes on from the last whole token, so one more read is enough; but a long token (over
                // LongPart bytes so far) waits for as many bytes again, so that reading it again from its start after
                // each part costs in all a few times its length, whatever the stream's chunks.
                var held = window.Valid.Length;
                var pending = held - (int)(parser.Resume - window.StartOffset);
                do
                {
                    await window.FillAsync(cancellationToken).ConfigureAwait(false);
                }
                while (!window.Exhausted && pending > Utf8Window.LongPart && window.Valid.Length < held + pending);
            }
        }
    }

    private enum Step
    {
        /// <summary>Items are ready; go on after giving them out.</summary>
        Yield,

        /// <summary>The window ends within a token; more bytes are needed.</summary>
        NeedMore,

        /// <summary>The document has ended (or broken off at a syntax error).</summary>
        Done,
    }

    private enum Phase
    {
        /// <summary>Before the document's value.</summary>
        Start,

        /// <summary>In the root object, between its properties.</summary>
        Root,

        /// <summary>After a root property's name, before its value.</summary>
        RootValue,

        /// <summary>In the array of records, between its elements.</summary>
        Array,

        /// <summary>In an element of the array (an object or an array), until it closes.</summary>
        Element,

        /// <summary>In a value that is only checked for syntax, until it closes.</summary>
        Skip,

        /// <summary>After the document's value.</summary>
        After,
    }

    private sealed class Parser<T>
        where T : class
    {
        private static readonly ProblemLocation RootLocation = ProblemLocation.Root;

        private readonly JsonStreamFormat<T> _format;

        // The most problems one record reports (ReadOptions.MaxProblems).
        private readonly int _limit;
        private readonly Func<RecordSource, (T? Record, RecordOrigin? Origin)> _perElement;
        private readonly string[] _known;
        private readonly Stack<JsonTokenType> _containers = new();
        private readonly ProblemCollector _rootProblems = new(int.MaxValue);
        private readonly JsonFields _root;

        // The repeated texts of the whole document, shared by each element's collector.
        private readonly TextPool _texts = new();
        private JsonReaderState _state = new(JsonInput.ReaderOptions);
        private JsonTokenType _last = JsonTokenType.None;
        private Phase _phase = Phase.Start;
        private Phase _afterSkip;
        private int _skipDepth;
        private string? _property;
        private int _index;
        private long _elementStart = -1;
        private int _elementDepth;
        private bool _rootIsObject = true;
        private Problem? _notAnObject;
        private bool _versionSeen;
        private long _resume;

        internal Parser(JsonStreamFormat<T> format, int limit)
        {
            _format = format;
            _limit = limit;
            _perElement = format.PerElement();
            _known = ["$schema", "schemaVersion", format.ArrayName];
            _root = JsonFields.Empty(RootLocation, _rootProblems);
        }

        /// <summary>Gets the first document offset still needed: the element being read, else the next token.</summary>
        internal long Resume => _resume;

        internal long KeepFrom => _elementStart >= 0 ? Math.Min(_elementStart, _resume) : _resume;

        internal Step Pump(Utf8Window window, List<RecordResult<T>> output)
        {
            var held = window.Valid;
            var from = (int)(_resume - window.StartOffset);
            var spanStart = _resume;
            var reader = new Utf8JsonReader(held[from..], window.IsFinal, _state);
            while (true)
            {
                bool read;
                try
                {
                    read = reader.Read();
                }
                catch (JsonException e)
                {
                    var offset = window.OffsetOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
                    var rest = held[(int)(offset - window.StartOffset)..];
                    output.Add(Syntax(window, offset, JsonInput.ErrorAt(rest, window.PreviousSignificant(offset), _last, _containers)));
                    return Step.Done;
                }

                if (!read)
                {
                    if (!window.IsFinal)
                    {
                        if (window.Invalid is { } invalid && window.Exhausted)
                        {
                            output.Add(Problems([invalid]));
                            return Step.Done;
                        }

                        return Step.NeedMore;
                    }

                    if (_containers.Count == 0 && _last != JsonTokenType.None)
                    {
                        Finish(output);
                        return Step.Done;
                    }

                    var end = window.StartOffset + held.Length;
                    output.Add(Syntax(window, end, JsonInput.ErrorAt([], window.PreviousSignificant(end), _last, _containers)));
                    return Step.Done;
                }

                var type = reader.TokenType;
                _last = type;
                if (type is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && JsonInput.LoneSurrogate(reader.ValueSpan) is { } lone)
                {
                    var offset = spanStart + reader.TokenStartIndex + 1 + lone.Offset;
                    output.Add(Syntax(window, offset, JsonInput.LoneSurrogateMessage(type, lone.Escape)));
                    return Step.Done;
                }

                if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    _containers.Push(type);
                }
                else if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    _containers.Pop();
                }

                Token(ref reader, spanStart, window, output);
                _state = reader.CurrentState;
                _resume = spanStart + reader.BytesConsumed;
                if (output.Count > 0)
                {
                    return Step.Yield;
                }
            }
        }

        private void Token(ref Utf8JsonReader reader, long spanStart, Utf8Window window, List<RecordResult<T>> output)
        {
            var type = reader.TokenType;
            switch (_phase)
            {
                case Phase.Start:
                    if (type == JsonTokenType.StartObject)
                    {
                        _phase = Phase.Root;
                        return;
                    }

                    // Said at the end, when the document proves well-formed (else only its syntax error is).
                    _rootIsObject = false;
                    var collector = new ProblemCollector();
                    JsonFields.Of(ValueOrKind(ref reader), RootLocation, collector);
                    _notAnObject = collector.Kept[0];
                    SkipOrEnd(type, Phase.After);
                    return;

                case Phase.Root:
                    if (type == JsonTokenType.EndObject)
                    {
                        _phase = Phase.After;
                        return;
                    }

                    var name = reader.GetString()!;
                    var before = _rootProblems.Count;
                    _property = _root.Admits(name, _known) ? name : null;
                    Flush(before, output);
                    _phase = Phase.RootValue;
                    return;

                case Phase.RootValue:
                    RootValue(ref reader, output);
                    return;

                case Phase.Array:
                    if (type == JsonTokenType.EndArray)
                    {
                        _phase = Phase.Root;
                        return;
                    }

                    if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        _elementStart = spanStart + reader.TokenStartIndex;
                        _elementDepth = _containers.Count - 1;
                        _phase = Phase.Element;
                        return;
                    }

                    var scalar = reader;
                    Element(JsonElement.ParseValue(ref scalar), output);
                    return;

                case Phase.Element:
                    if (_containers.Count == _elementDepth)
                    {
                        var start = (int)(_elementStart - window.StartOffset);
                        var end = (int)(spanStart + reader.BytesConsumed - window.StartOffset);
                        var whole = new Utf8JsonReader(window.Valid[start..end], JsonInput.ReaderOptions);
                        _elementStart = -1;
                        _phase = Phase.Array;
                        Element(JsonElement.ParseValue(ref whole), output);
                    }

                    return;

                case Phase.Skip:
                    if (_containers.Count == _skipDepth)
                    {
                        _phase = _afterSkip;
                    }

                    return;

                default:
                    return;
            }
        }

        /// <summary>The value of a root property: the array of records, the checked <c>$schema</c> and
        /// <c>schemaVersion</c>, or a value only checked for syntax (unknown or repeated).</summary>
        private void RootValue(ref Utf8JsonReader reader, List<RecordResult<T>> output)
        {
            var type = reader.TokenType;
            var name = _property;
            _property = null;
            if (name == _format.ArrayName && type == JsonTokenType.StartArray)
            {
                _index = 0;
                _phase = Phase.Array;
                return;
            }

            if (name is not null)
            {
                var before = _rootProblems.Count;
                _root.Set(name, ValueOrKind(ref reader));
                if (name == "$schema")
                {
                    _root.OptionalString(name);
                }
                else if (name == "schemaVersion")
                {
                    _versionSeen = true;
                    ServiceRequestJson.CheckSchemaVersion(_root);
                }
                else
                {
                    _ = _root.OptionalArray(name);
                }

                Flush(before, output);
            }

            SkipOrEnd(type, Phase.Root);
        }

        /// <summary>Goes on to <paramref name="next"/> after a scalar, or after the container it starts closes.</summary>
        private void SkipOrEnd(JsonTokenType type, Phase next)
        {
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _skipDepth = _containers.Count - 1;
                _afterSkip = next;
                _phase = Phase.Skip;
            }
            else
            {
                _phase = next;
            }
        }

        private void Element(JsonElement element, List<RecordResult<T>> output)
        {
            var problems = new ProblemCollector(_limit, _texts);
            var path = RootLocation.Property(_format.ArrayName).Element(_index++);
            if (JsonFields.Of(element, path, problems, _format.ElementProperties) is not { } fields)
            {
                output.Add(new RecordResult<T>(null, null, problems.ToImmutable()));
                return;
            }

            var (record, origin) = _perElement(new JsonRecordSource(fields, problems));
            if (record is not null || problems.Count > 0)
            {
                output.Add(new RecordResult<T>(record, origin, problems.ToImmutable()));
            }
        }

        /// <summary>The document proved well-formed: what could be said only at its end.</summary>
        private void Finish(List<RecordResult<T>> output)
        {
            if (!_rootIsObject)
            {
                output.Add(Problems([_notAnObject!]));
                return;
            }

            if (!_versionSeen)
            {
                var before = _rootProblems.Count;
                ServiceRequestJson.CheckSchemaVersion(_root);
                Flush(before, output);
            }
        }

        /// <summary>Gives out the root's problems found since <paramref name="before"/>, one item.</summary>
        private void Flush(int before, List<RecordResult<T>> output)
        {
            if (_rootProblems.Count > before)
            {
                output.Add(Problems([.. _rootProblems.Kept.Skip(before)]));
            }
        }

        /// <summary>A scalar as read, or an object or array as an empty one of its kind (only its kind is said of it, and it
        /// need not be whole in the window).</summary>
        private static JsonElement ValueOrKind(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return JsonFields.KindOnly(reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array);
            }

            var copy = reader;
            return JsonElement.ParseValue(ref copy);
        }

        private static RecordResult<T> Problems(Problem[] problems) => new(null, null, [.. problems]);

        private static RecordResult<T> Syntax(Utf8Window window, long offset, string message)
        {
            var (line, column) = window.LineAndColumn(offset);
            return Problems([JsonInput.SyntaxProblem(line, column, message)]);
        }
    }
}
