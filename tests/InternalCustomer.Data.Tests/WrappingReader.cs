using System.Collections;
using System.Data.Common;

namespace InternalCustomer.Data.Tests;

/// <summary>A reader that passes everything to another one, counting the rows it is asked for, and (when told) failing
/// as a dropped connection would once <see cref="FailAfter"/> rows were read, or while the values of row
/// <c>valuesFailAt</c> are read.</summary>
internal sealed class WrappingReader(DbDataReader inner, long? failAfter = null, Func<Exception>? failure = null, long? valuesFailAt = null) : DbDataReader
{
    /// <summary>Gets how many times <see cref="Read"/> returned a row.</summary>
    internal long RowsRead { get; private set; }

    internal long? FailAfter { get; } = failAfter;

    public override int Depth => inner.Depth;

    public override int FieldCount => inner.FieldCount;

    public override bool HasRows => inner.HasRows;

    public override bool IsClosed => inner.IsClosed;

    public override int RecordsAffected => inner.RecordsAffected;

    public override object this[int ordinal] => inner[ordinal];

    public override object this[string name] => inner[name];

    public override bool Read()
    {
        if (RowsRead == FailAfter)
        {
            throw Failure();
        }

        var more = inner.Read();
        if (more)
        {
            RowsRead++;
        }

        return more;
    }

    public override bool NextResult() => inner.NextResult();

    private Exception Failure() => (failure ?? (() => new IOException("The connection to the database was reset.")))();

    public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);

    public override byte GetByte(int ordinal) => inner.GetByte(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override char GetChar(int ordinal) => inner.GetChar(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);

    public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);

    public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);

    public override IEnumerator GetEnumerator() => ((IEnumerable)inner).GetEnumerator();

    public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

    public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);

    public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);

    public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);

    public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);

    public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

    public override string GetName(int ordinal) => inner.GetName(ordinal);

    public override int GetOrdinal(string name) => inner.GetOrdinal(name);

    public override string GetString(int ordinal) => inner.GetString(ordinal);

    public override object GetValue(int ordinal) => FailingValues() ? throw Failure() : inner.GetValue(ordinal);

    public override int GetValues(object[] values) => inner.GetValues(values);

    public override bool IsDBNull(int ordinal) => FailingValues() ? throw Failure() : inner.IsDBNull(ordinal);

    private bool FailingValues() => RowsRead == valuesFailAt;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
