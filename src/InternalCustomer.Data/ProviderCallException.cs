namespace InternalCustomer.Data;

/// <summary>An <see cref="InvalidOperationException"/> thrown by the database provider while a row's value was read (Npgsql's
/// "connection is not open" when the connection dropped mid-row), set apart from one thrown by the mapping of the row, so
/// that <see cref="RowReader{T}"/> reports the first as a dropped connection and lets the second through as the bug it is,
/// without asking the exception where it was thrown (reflection that trimming and Native AOT do not keep).</summary>
internal sealed class ProviderCallException(InvalidOperationException inner) : Exception(inner.Message, inner)
{
    /// <summary>Gets the provider's exception (the inner one).</summary>
    internal InvalidOperationException Provider => (InvalidOperationException)InnerException!;
}
