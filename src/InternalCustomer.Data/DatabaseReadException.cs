namespace InternalCustomer.Data;

/// <summary>
/// The database stopped answering while records were read from it: the connection dropped, the server ended the
/// session, the reader was closed under the read. Thrown by the readers of <see cref="ServiceRequestTable"/> and
/// <see cref="FeedbackResponseTable"/> in place of the provider's exception (which is the
/// <see cref="Exception.InnerException"/>), never for bad data, which is a problem of its row.
/// </summary>
/// <remarks>The rows before <see cref="RowsRead"/> + 1 were yielded as records; nothing after them was read. The
/// summarising readers (<see cref="FeedbackResponseTable.SummariseByRelationshipAsync"/>)
/// return no result when it is thrown, so no summary of part of the rows is ever returned.</remarks>
public sealed class DatabaseReadException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public DatabaseReadException()
        : base("Reading records from the database failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed.</param>
    public DatabaseReadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the provider's exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The provider's exception.</param>
    public DatabaseReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DatabaseReadException(string what, long rowsRead, Exception innerException)
        : base($"Reading {what}s from the database failed after row {rowsRead}: {innerException.GetType().Name}: {innerException.Message} The {rowsRead} rows before were read; no row after them was.", innerException) =>
        RowsRead = rowsRead;

    /// <summary>Gets how many rows were read (and their records yielded) before the failure.</summary>
    public long RowsRead { get; }
}
