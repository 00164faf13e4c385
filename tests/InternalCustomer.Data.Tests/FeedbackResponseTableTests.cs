using System.Collections.Immutable;
using FsCheck;
using FsCheck.Xunit;
using InternalCustomer.Feedback;
using NodaTime;

namespace InternalCustomer.Data.Tests;

public sealed class FeedbackResponseTableTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 30);

    /// <summary>Responses with every field of the CSV response layout: another scale, recommend, effort, agreement,
    /// service, a comment, and SERVQUAL perceptions and expectations (some dimensions unrated).</summary>
    internal static IReadOnlyList<FeedbackResponse> FullResponses() =>
    [
        FeedbackResponse.TryCreate(DepartmentId.Parse("paint-shop"), DepartmentId.Parse("body-shop"), T0, RatingScale.FivePoint, 4, 9, 6, DimensionSet.Servqual,
            new Dictionary<string, int> { ["reliability"] = 4, ["empathy"] = 2 }, new Dictionary<string, int> { ["reliability"] = 5 },
            AgreementId.Parse("ola-2"), ServiceId.Parse("painting"), "Quick, \"friendly\"; thanks").GetValueOrThrow(),
        FeedbackResponse.TryCreate(DepartmentId.Parse("it"), DepartmentId.Parse("hr"), T0 + Duration.FromMilliseconds(1), RatingScale.Custom(0, 10), 0).GetValueOrThrow(),
        FeedbackResponse.TryCreate(DepartmentId.Parse("it"), DepartmentId.Parse("hr"), T0 + Duration.FromDays(3), RatingScale.Custom(0, 10), 10, recommend: 0).GetValueOrThrow(),
    ];

    [Fact]
    public void The_example_responses_come_back_from_SQLite_as_written()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, FeedbackResponseTable.DefaultName, Databases.ExampleResponses);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM feedback_responses");
        var read = FeedbackResponseTable.ReadRecords(reader).ToList();

        Assert.All(read, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal(Databases.ExampleResponses, read.Select(r => r.Record!));
    }

    [Fact]
    public async Task Ratings_scales_and_comments_come_back_from_SQLite()
    {
        using var db = new TempSqlite();
        await FeedbackResponseTable.WriteAsync(db.Connection, "responses", FullResponses(), DimensionSet.Servqual);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");
        var read = new List<FeedbackResponse>();
        await foreach (var item in FeedbackResponseTable.ReadRecordsAsync(reader))
        {
            Assert.True(item.IsSuccess, item.ToString());
            read.Add(item.Record);
        }

        Assert.Equal(FullResponses(), read);
    }

    [Property(MaxTest = 25)]
    public bool Any_ratings_on_a_scale_come_back_from_SQLite(PositiveInt spread, NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        var max = 1 + (spread.Get % 10);
        var scale = RatingScale.Custom(0, max);
        var responses = Enumerable.Range(0, 20).Select(i => FeedbackResponse.TryCreate(
            DepartmentId.Parse("c" + random.Next(3)), DepartmentId.Parse("p" + random.Next(3)), T0 + Duration.FromSeconds(random.Next()), scale,
            random.Next(max + 1), random.Next(2) == 0 ? null : random.Next(11), random.Next(2) == 0 ? null : 1 + random.Next(7)).GetValueOrThrow()).ToList();
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "responses", responses);
        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");
        return FeedbackResponseTable.ReadRecords(reader).Select(r => r.Record).SequenceEqual(responses);
    }

    [Fact]
    public void A_value_of_the_wrong_type_or_a_NULL_where_one_is_required_is_a_problem_of_its_row_and_column()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "good", FullResponses(), DimensionSet.Servqual);
        Databases.Execute(db.Connection, """
            CREATE TABLE responses AS SELECT * FROM good;
            INSERT INTO responses (respondent, subject, instant, overall) VALUES ('a', 'b', '2026-03-02T09:30:00Z', 'five');
            INSERT INTO responses (respondent, subject, instant, overall) VALUES ('a', 'b', '2026-03-02T09:30:00Z', NULL);
            INSERT INTO responses (respondent, subject, instant, overall, "perception.reliability") VALUES ('a', 'b', '2026-03-02T09:30:00Z', 3, 9);
            INSERT INTO responses (respondent, subject, instant, overall, recommend) VALUES ('a', 'b', '2026-03-02T09:30:00Z', 3, 7.5);
            INSERT INTO responses (respondent, subject, instant, overall) VALUES ('a', NULL, 'not a time', 3);
            """);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");
        var read = FeedbackResponseTable.ReadRecords(reader).ToList();

        Assert.Equal(8, read.Count);
        Assert.All(read.Take(3), r => Assert.True(r.IsSuccess));
        Assert.All(read.Skip(3), r => Assert.Null(r.Record));
        Assert.Equal(
            [
                (ProblemKind.WrongType, "$.row[4].overall"),
                (ProblemKind.MissingValue, "$.row[5].overall"),
                (ProblemKind.InvalidValue, "$.row[6]['perception.reliability']"),
                (ProblemKind.WrongType, "$.row[7].recommend"),
                (ProblemKind.MissingValue, "$.row[8].subject"),
                (ProblemKind.InvalidValue, "$.row[8].instant"),
            ],
            read.Skip(3).SelectMany(r => r.Problems).Select(p => (p.Kind, p.Location.ToString())));
        Assert.Contains("got text \"five\"", read[3].Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_text_in_an_integer_or_rating_column_is_not_given_as_NULL_is()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "good", FullResponses(), DimensionSet.Servqual);
        Databases.Execute(db.Connection, """
            CREATE TABLE responses AS SELECT * FROM good WHERE 0;
            INSERT INTO responses (respondent, subject, instant, overall, recommend, "perception.reliability") VALUES ('a', 'b', '2026-03-02T09:30:00Z', 4, '', '');
            INSERT INTO responses (respondent, subject, instant, overall) VALUES ('a', 'b', '2026-03-02T09:30:00Z', '');
            """);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");
        var read = FeedbackResponseTable.ReadRecords(reader, DimensionSet.Servqual).ToList();

        Assert.True(read[0].IsSuccess, string.Join("; ", read[0].Problems));
        Assert.Null(read[0].Record!.Recommend);
        Assert.Null(read[0].Record!.Dimensions); // its one perception column is empty: it rated no dimension
        var problem = Assert.Single(read[1].Problems);
        Assert.Equal((ProblemKind.MissingValue, "$.row[2].overall"), (problem.Kind, problem.Location.ToString()));
        Assert.Contains("got an empty text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_in_a_floating_point_column_is_read_as_the_integer_and_a_fraction_is_not()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "good", FullResponses(), DimensionSet.Servqual);
        const string Others = "scaleMin, scaleMax, recommend, effort, agreement, service, comment";
        using var reader = Databases.Query(db.Connection, $"""
            SELECT respondent, subject, instant, CAST(overall AS REAL) AS overall, {Others} FROM good
            UNION ALL SELECT 'a', 'b', '2026-03-02T09:30:00Z', 3.5, {Others} FROM good WHERE rowid = 1
            """);
        var read = FeedbackResponseTable.ReadRecords(reader).ToList();

        Assert.Equal(FullResponses().Select(r => r.Overall), read.SkipLast(1).Select(r => r.Record!.Overall));
        var problem = Assert.Single(read[^1].Problems);
        Assert.Equal((ProblemKind.WrongType, $"$.row[{read.Count}].overall"), (problem.Kind, problem.Location.ToString()));
        Assert.Contains("(3.5)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summaries_per_relationship_equal_the_in_memory_ones()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "responses", Databases.ExampleResponses);
        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");

        var summaries = (await FeedbackResponseTable.SummariseByRelationshipAsync(reader)).GetValueOrThrow();

        var expected = FeedbackGrouping.ByRelationship(Databases.ExampleResponses.ToArray(), RatingScale.FivePoint);
        AssertSame(expected, summaries);
    }

    [Fact]
    public async Task A_bad_row_gives_a_failure_and_no_summaries()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "responses", Databases.ExampleResponses);
        Databases.Execute(db.Connection, "UPDATE responses SET overall = 'five' WHERE rowid = 7");
        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");

        var result = await FeedbackResponseTable.SummariseByRelationshipAsync(reader);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal("$.row[7].overall", Assert.Single(result.Problems).Location.ToString());
    }

    [Fact]
    public async Task Responses_of_one_relationship_on_two_scales_give_a_failure_at_the_second()
    {
        using var db = new TempSqlite();
        var seven = FeedbackResponse.TryCreate(DepartmentId.Parse("it"), DepartmentId.Parse("hr"), T0 + Duration.FromDays(5), RatingScale.SevenPoint, 6).GetValueOrThrow();
        FeedbackResponseTable.Write(db.Connection, "responses", [.. FullResponses(), seven], DimensionSet.Servqual);
        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses WHERE respondent = 'it'");

        var result = await FeedbackResponseTable.SummariseByRelationshipAsync(reader);

        Assert.Null(result.Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.row[3]", problem.Location.ToString());
        Assert.StartsWith("Expected every response of the relationship hr → it on the scale and dimension set of its first", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_drops_mid_stream_gives_no_summaries()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "responses", Databases.ExampleResponses);
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM responses"), failAfter: Databases.ExampleResponses.Count / 2,
            failure: () => new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10));

        // The summary call throws: no summaries come back, not a part of them.
        var e = await Assert.ThrowsAsync<DatabaseReadException>(() => FeedbackResponseTable.SummariseByRelationshipAsync(reader));

        Assert.Equal(Databases.ExampleResponses.Count / 2, e.RowsRead);
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(e.InnerException);
    }

    [Fact]
    public async Task A_cancelled_summary_stops_with_operation_canceled()
    {
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "responses", Databases.ExampleResponses);
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM responses"));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FeedbackResponseTable.SummariseByRelationshipAsync(reader, cancellationToken: cancel.Token));
        Assert.Equal(0, reader.RowsRead);
    }

    [Fact]
    public void Rows_are_read_one_at_a_time_over_a_hundred_thousand_rows()
    {
        const int N = 100_000;
        using var db = new TempSqlite();
        FeedbackResponseTable.Write(db.Connection, "responses", Generated(N));
        using var reader = new WrappingReader(Databases.Query(db.Connection, "SELECT * FROM responses"));

        using var items = FeedbackResponseTable.ReadRecords(reader).GetEnumerator();
        Assert.True(items.MoveNext());
        Assert.Equal(1, reader.RowsRead);
        Assert.Equal(Generated(1).Single(), items.Current.Record);

        var count = 1;
        var rowsWhenYielded = new List<long>();
        while (items.MoveNext())
        {
            Assert.True(items.Current.IsSuccess);
            count++;
            if (count % 10_000 == 0)
            {
                rowsWhenYielded.Add(reader.RowsRead);
            }
        }

        Assert.Equal(N, count);
        Assert.Equal(Enumerable.Range(1, N / 10_000).Select(k => (long)k * 10_000), rowsWhenYielded);
    }

    [Fact]
    public void A_response_rated_on_another_dimension_set_is_refused_and_nothing_is_written()
    {
        using var db = new TempSqlite();
        var e = Assert.Throws<ArgumentException>(() => FeedbackResponseTable.Write(db.Connection, "responses", FullResponses()));
        Assert.Equal("responses", e.ParamName);
        Assert.Contains("no dimension set was given", e.Message, StringComparison.Ordinal);
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => Databases.Query(db.Connection, "SELECT * FROM responses").Dispose());
    }

    /// <summary>N responses over 50 relationships, made from their index alone.</summary>
    internal static IEnumerable<FeedbackResponse> Generated(int n)
    {
        for (var i = 0; i < n; i++)
        {
            yield return FeedbackResponse.TryCreate(
                DepartmentId.Parse("consumer-" + (i % 10)),
                DepartmentId.Parse("provider-" + (i % 5)),
                T0 + Duration.FromMinutes(i),
                RatingScale.FivePoint,
                1 + (i * 7 % 5),
                i % 3 == 0 ? null : i % 11,
                i % 4 == 0 ? null : 1 + (i % 7)).GetValueOrThrow();
        }
    }

    internal static void AssertSame(ImmutableSortedDictionary<Relationship, FeedbackSummary> expected, ImmutableSortedDictionary<Relationship, FeedbackSummary> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (relationship, summary) in expected)
        {
            var other = actual[relationship];
            Assert.Equal(summary.Count, other.Count);
            Assert.Equal(summary.Overall.Histogram.ToArray(), other.Overall.Histogram.ToArray());
            Assert.Equal(summary.Recommend.Histogram.ToArray(), other.Recommend.Histogram.ToArray());
            Assert.Equal(summary.Effort.Histogram.ToArray(), other.Effort.Histogram.ToArray());
        }
    }
}
