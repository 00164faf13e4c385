using System.Runtime.CompilerServices;
using InternalCustomer.Interchange.Csv;
using InternalCustomer.Interchange.Records;

namespace InternalCustomer.Interchange;

/// <summary>How a streaming reader makes records of a CSV document: the layout its header chooses, and for a layout
/// either a step per row (<paramref name="PerRow"/> returns one for the header, holding what the rows share, such as the
/// ids seen) or, when it returns <see langword="null"/>, the synchronous reading of all rows at the end (<paramref name="Whole"/>).</summary>
internal sealed record CsvStreamFormat<T>(
    Func<IReadOnlyList<string>, CsvLayout> LayoutOf,
    Func<CsvHeader, Func<RecordSource, (T? Record, RecordOrigin? Origin)>?> PerRow,
    Func<IEnumerable<RecordSource>, ProblemCollector, LocatedRecords<T>>? Whole = null)
    where T : class;

/// <summary>The streaming CSV reader: the header, then one item per row as it is read, with the synchronous reader's
/// tokenizer, header checks and record mapping, so the records, origins and problems are the same.</summary>
internal static class CsvRecords
{
    internal static async IAsyncEnumerable<RecordResult<T>> Read<T>(Stream stream, CsvStreamFormat<T> format, ReadOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var limit = ReadOptions.MaxProblemsOf(options);
        var reader = new CsvStreamReader(stream, limit);
        var first = await reader.NextAsync(cancellationToken).ConfigureAwait(false);
        if (first.Step != CsvStep.Record)
        {
            if (!first.NotUtf8)
            {
                CsvTable.AddEmptyDocument(format.LayoutOf, first.Problems);
            }

            yield return Problems<T>(first.Problems);
            yield break;
        }

        var analysis = new ProblemCollector(limit);
        var header = CsvTable.ReadHeader(first.Fields!, format.LayoutOf, analysis);
        var perRow = header is null ? null : format.PerRow(header);
        if (header is not null && perRow is null)
        {
            // The layout needs every row before any record (the status-change layout groups rows by id anywhere in the
            // file): read them all, then as the synchronous reader does, problems in its order.
            var problems = first.Problems;
            var rows = new List<List<CsvField>>();
            while (true)
            {
                var next = await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                if (next.NotUtf8)
                {
                    yield return Problems<T>(next.Problems);
                    yield break;
                }

                problems.Absorb(next.Problems);
                if (next.Step != CsvStep.Record)
                {
                    break;
                }

                rows.Add(next.Fields!);
            }

            problems.Absorb(analysis);
            var located = format.Whole!(rows.Select(r => CsvTable.Row(r, header, problems)), problems);
            for (var i = 0; i < located.Records.Length; i++)
            {
                yield return new RecordResult<T>(located.Records[i], located.Origins[i], []);
            }

            if (!located.Problems.IsEmpty)
            {
                yield return new RecordResult<T>(null, null, located.Problems);
            }

            yield break;
        }

        first.Problems.Absorb(analysis);
        if (first.Problems.Count > 0)
        {
            yield return Problems<T>(first.Problems);
        }

        while (true)
        {
            var next = await reader.NextAsync(cancellationToken).ConfigureAwait(false);
            if (next.Step != CsvStep.Record)
            {
                if (next.Problems.Count > 0)
                {
                    yield return Problems<T>(next.Problems);
                }

                yield break;
            }

            if (header is null || perRow is null)
            {
                // No row is read against a semicolon-separated header; only its syntax problems are said.
                if (next.Problems.Count > 0)
                {
                    yield return Problems<T>(next.Problems);
                }

                continue;
            }

            var (record, origin) = perRow(CsvTable.Row(next.Fields!, header, next.Problems));
            if (record is not null || next.Problems.Count > 0)
            {
                yield return new RecordResult<T>(record, origin, next.Problems.ToImmutable());
            }
        }
    }

    private static RecordResult<T> Problems<T>(ProblemCollector problems)
        where T : class => new(null, null, problems.ToImmutable());
}
