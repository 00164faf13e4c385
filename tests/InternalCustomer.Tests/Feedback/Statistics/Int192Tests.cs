using System.Numerics;
using FsCheck.Xunit;
using InternalCustomer.Feedback.Statistics;

namespace InternalCustomer.Tests.Feedback.Statistics;

/// <summary>The trend tally's 192-bit integer: conversion from and to BigInteger over its whole range, and refusal
/// outside it.</summary>
public sealed class Int192Tests
{
    private static readonly BigInteger Max = (BigInteger.One << 191) - 1;
    private static readonly BigInteger Min = -(BigInteger.One << 191);

    [Property]
    public void A_value_in_range_converts_both_ways(ulong a, ulong b, ulong c, bool negative)
    {
        var value = (((BigInteger)(c >> 1) << 128) | ((BigInteger)b << 64) | a) * (negative ? -1 : 1);
        Assert.True(Int192.TryFrom(value, out var x));
        Assert.Equal(value, x.ToBigInteger());
    }

    [Fact]
    public void The_ends_of_the_range_convert_and_one_beyond_does_not()
    {
        foreach (var value in new[] { Max, Min, BigInteger.Zero, BigInteger.MinusOne, BigInteger.One << 128, -(BigInteger.One << 128) })
        {
            Assert.True(Int192.TryFrom(value, out var x), value.ToString());
            Assert.Equal(value, x.ToBigInteger());
        }

        Assert.False(Int192.TryFrom(Max + 1, out _));
        Assert.False(Int192.TryFrom(Min - 1, out _));
    }

    [Property]
    public void Adding_equals_adding_BigIntegers(long a, long b, long c, long d)
    {
        var x = ((BigInteger)a << 100) + b;
        var y = ((BigInteger)c << 90) - d;
        Assert.True(Int192.TryFrom(x, out var xx));
        Assert.True(Int192.TryFrom(y, out var yy));
        Assert.Equal(x + y, xx.Add(yy).ToBigInteger());
        var term = ((Int128)c << 60) - d;
        Assert.Equal(x + term, xx.Add(term).ToBigInteger());
    }
}
