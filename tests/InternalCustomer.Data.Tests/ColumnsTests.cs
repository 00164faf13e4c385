namespace InternalCustomer.Data.Tests;

public sealed class ColumnsTests
{
    [Fact]
    public void The_defaults_are_the_CSV_column_names()
    {
        Assert.Equal(["id", "agreement", "opened", "firstResponse", "resolved", "pauses", "reopen", "priority", "service", "category"], ServiceRequestColumns.Fields.ToArray());
        Assert.Equal("opened", ServiceRequestColumns.Default.ColumnOf("opened"));
        Assert.Equal(["respondent", "subject", "instant", "scaleMin", "scaleMax", "overall", "recommend", "effort", "agreement", "service", "comment"], FeedbackResponseColumns.Fields.ToArray());
        Assert.Equal("scaleMin", FeedbackResponseColumns.Default.ColumnOf("scaleMin"));
        Assert.Equal(("perception.", "expectation."), (FeedbackResponseColumns.Default.PerceptionPrefix, FeedbackResponseColumns.Default.ExpectationPrefix));
    }

    [Fact]
    public void A_mapping_is_a_value()
    {
        var a = ServiceRequestColumns.Default.WithColumn("opened", "opened_at");
        var b = ServiceRequestColumns.Default.WithColumn("opened", "opened_at");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(ServiceRequestColumns.Default, a);
        Assert.Equal("opened", ServiceRequestColumns.Default.ColumnOf("opened"));
        Assert.Equal("opened_at", a.ColumnOf("opened"));
        Assert.Null(a.WithColumn("category", null).ColumnOf("category"));
        Assert.Contains("opened=opened_at", a.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(FeedbackResponseColumns.Default, FeedbackResponseColumns.Default.WithRatingPrefixes("p_", "e_"));
    }

    [Fact]
    public void Bad_mappings_are_argument_exceptions_that_say_what_was_expected()
    {
        var unknown = Assert.Throws<ArgumentException>(() => ServiceRequestColumns.Default.WithColumn("opend", "x"));
        Assert.Equal("field", unknown.ParamName);
        Assert.StartsWith("Expected a field of a service request, one of id, agreement, opened, ", unknown.Message, StringComparison.Ordinal);

        var required = Assert.Throws<ArgumentException>(() => FeedbackResponseColumns.Default.WithColumn("overall", null));
        Assert.Equal("column", required.ParamName);
        Assert.StartsWith("Expected a column for the field \"overall\", which every feedback response has; got none (null).", required.Message, StringComparison.Ordinal);

        var blank = Assert.Throws<ArgumentException>(() => ServiceRequestColumns.Default.WithColumn("service", " "));
        Assert.Equal("column", blank.ParamName);

        var taken = Assert.Throws<ArgumentException>(() => ServiceRequestColumns.Default.WithColumn("service", "category"));
        Assert.Contains("already the column of \"category\"", taken.Message, StringComparison.Ordinal);

        Assert.Equal("field", Assert.Throws<ArgumentNullException>(() => ServiceRequestColumns.Default.ColumnOf(null!)).ParamName);
        Assert.Equal("perceptionPrefix", Assert.Throws<ArgumentException>(() => FeedbackResponseColumns.Default.WithRatingPrefixes("", "e_")).ParamName);
        Assert.Equal("expectationPrefix", Assert.Throws<ArgumentException>(() => FeedbackResponseColumns.Default.WithRatingPrefixes("r_", "r_e_")).ParamName);
    }

    [Fact]
    public void Other_rating_prefixes_read_and_write_other_columns()
    {
        using var db = new TempSqlite();
        var columns = FeedbackResponseColumns.Default.WithRatingPrefixes("p_", "e_");
        var responses = FeedbackResponseTableTests.FullResponses();
        FeedbackResponseTable.Write(db.Connection, "responses", responses, Feedback.DimensionSet.Servqual, columns);

        using var reader = Databases.Query(db.Connection, "SELECT * FROM responses");
        Assert.Contains("p_reliability", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.Equal(responses, FeedbackResponseTable.ReadRecords(reader, null, columns).Select(r => r.Record));
    }
}
