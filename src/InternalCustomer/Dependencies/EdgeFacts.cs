using System.Buffers;

namespace InternalCustomer.Dependencies;

/// <summary>
/// The edge facts a <see cref="DependencyGraph"/> is built from, as columns (consumer, provider, packed criticality
/// and source, volume) in arrays rented from <see cref="ArrayPool{T}.Shared"/>: building a graph of 100,000 facts
/// would otherwise put several short-lived arrays on the large-object heap each time. <see cref="Dispose"/> returns
/// them; the graph's constructor copies what it keeps.
/// </summary>
internal sealed class EdgeFacts : IDisposable
{
    private int[] _consumer;
    private int[] _provider;
    private byte[] _packed;
    private int _capacity; // the facts the arrays hold (each rented array may be longer)
    private double[]? _volume; // rented when the first fact with a volume arrives; NaN where a fact has none

    /// <summary>Initializes an empty set with room for <paramref name="capacity"/> facts (it grows past them).</summary>
    public EdgeFacts(int capacity)
    {
        _capacity = Math.Max(capacity, 16);
        _consumer = ArrayPool<int>.Shared.Rent(_capacity);
        _provider = ArrayPool<int>.Shared.Rent(_capacity);
        _packed = ArrayPool<byte>.Shared.Rent(_capacity);
    }

    /// <summary>Gets the number of facts.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the consumer (dense index) of every fact.</summary>
    public ReadOnlySpan<int> Consumers => _consumer.AsSpan(0, Count);

    /// <summary>Gets the provider (dense index) of every fact.</summary>
    public ReadOnlySpan<int> Providers => _provider.AsSpan(0, Count);

    /// <summary>Gets criticality | source &lt;&lt; 3 of every fact.</summary>
    public ReadOnlySpan<byte> Packed => _packed.AsSpan(0, Count);

    /// <summary>Gets the volume of every fact (NaN for none), or an empty span when no fact has a volume.</summary>
    public ReadOnlySpan<double> Volumes => _volume is null ? default : _volume.AsSpan(0, Count);

    /// <summary>Adds a fact.</summary>
    public void Add(int consumer, int provider, int criticality, double volume, DependencySource source)
    {
        if (Count == _capacity)
        {
            _capacity = checked(_capacity * 2);
            Grow(ref _consumer, Count, _capacity);
            Grow(ref _provider, Count, _capacity);
            Grow(ref _packed, Count, _capacity);
            if (_volume is not null)
            {
                Grow(ref _volume, Count, _capacity);
            }
        }

        _consumer[Count] = consumer;
        _provider[Count] = provider;
        _packed[Count] = (byte)(criticality | ((int)source << DependencyGraph.SourceShift));
        if (!double.IsNaN(volume) && _volume is null)
        {
            _volume = ArrayPool<double>.Shared.Rent(_capacity);
            _volume.AsSpan(0, Count).Fill(double.NaN);
        }

        if (_volume is not null)
        {
            _volume[Count] = volume;
        }

        Count++;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_consumer);
        ArrayPool<int>.Shared.Return(_provider);
        ArrayPool<byte>.Shared.Return(_packed);
        if (_volume is not null)
        {
            ArrayPool<double>.Shared.Return(_volume);
        }

        _consumer = _provider = [];
        _packed = [];
        _volume = null;
        Count = 0;
    }

    private static void Grow<T>(ref T[] array, int count, int capacity)
    {
        var larger = ArrayPool<T>.Shared.Rent(capacity);
        array.AsSpan(0, count).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }
}
