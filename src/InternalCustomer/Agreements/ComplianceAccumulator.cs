using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>Counts decided outcomes into windows without allocating per outcome.</summary>
internal sealed class ComplianceAccumulator
{
    private readonly Interval[] _windows;
    private readonly Instant[] _starts;
    private readonly Instant[] _ends;
    private readonly int[] _order;
    private readonly bool _disjoint;
    private readonly long[] _met;
    private readonly long[] _breached;
    private readonly double _target;
    private long _inFlight;
    private long _atRisk;
    private long _paused;
    private long _outside;
    private long _unmatched;
    private long _unmeasured;
    private double[]? _allowance; // per window: the sum of (1 - target) over its decided requests, once targets differ

    internal ComplianceAccumulator(ReadOnlySpan<Interval> windows, double target)
    {
        _target = ObjectiveGuard.Target(target, nameof(target));
        _windows = windows.ToArray();
        for (var i = 0; i < _windows.Length; i++)
        {
            if (!_windows[i].HasStart || !_windows[i].HasEnd)
            {
                throw new ArgumentException($"Every window must have a start and an end; windows[{i}] is {_windows[i]}.", nameof(windows));
            }
        }

        // Sorted by start; windows that do not overlap are searched by bisection (one search per outcome).
        _order = [.. Enumerable.Range(0, _windows.Length).OrderBy(i => _windows[i].Start)];
        _starts = [.. _order.Select(i => _windows[i].Start)];
        _ends = [.. _order.Select(i => _windows[i].End)];
        _disjoint = true;
        for (var k = 1; k < _order.Length; k++)
        {
            _disjoint &= _starts[k] >= _ends[k - 1];
        }

        _met = new long[_windows.Length];
        _breached = new long[_windows.Length];
    }

    internal void Add(SlaState state, Instant decidedAt) => Add(state, decidedAt, _target);

    /// <summary>Counts one outcome measured against its own target (the target of its objective set): each window's budget
    /// is then the sum of its requests' budgets, so its target is the decided-weighted mean of theirs.</summary>
    internal void Add(SlaState state, Instant decidedAt, double target)
    {
        if (_allowance is null && target != _target && state is SlaState.Met or SlaState.Breached)
        {
            _allowance = new double[_windows.Length];
            for (var k = 0; k < _allowance.Length; k++)
            {
                _allowance[k] = (1 - _target) * (_met[k] + _breached[k]);
            }
        }

        switch (state)
        {
            case SlaState.Met:
            case SlaState.Breached:
                var counts = state == SlaState.Met ? _met : _breached;
                if (_disjoint)
                {
                    var k = LastStartAtOrBefore(decidedAt);
                    if (k >= 0 && decidedAt < _ends[k])
                    {
                        counts[k]++;
                        if (_allowance is not null)
                        {
                            _allowance[k] += 1 - target;
                        }
                    }
                    else
                    {
                        _outside++;
                    }
                }
                else
                {
                    var found = false;
                    for (var k = 0; k < _starts.Length && _starts[k] <= decidedAt; k++)
                    {
                        if (decidedAt < _ends[k])
                        {
                            counts[k]++;
                            found = true;
                            if (_allowance is not null)
                            {
                                _allowance[k] += 1 - target;
                            }
                        }
                    }

                    if (!found)
                    {
                        _outside++;
                    }
                }

                break;
            case SlaState.AtRisk:
                _inFlight++;
                _atRisk++;
                break;
            case SlaState.Paused:
                _inFlight++;
                _paused++;
                break;
            case SlaState.Unmatched:
                _unmatched++;
                _unmeasured++;
                break;
            case SlaState.NotMeasured or SlaState.NotStarted or SlaState.Cancelled or SlaState.Excluded:
                _unmeasured++;
                break;
            default:
                _inFlight++;
                break;
        }
    }

    internal ComplianceReport ToReport()
    {
        var results = new WindowCompliance[_windows.Length];
        for (var k = 0; k < _order.Length; k++)
        {
            var i = _order[k];
            var decided = _met[k] + _breached[k];
            var target = ObjectiveGuard.PooledTarget(_target, _allowance, k, decided);
            results[i] = new WindowCompliance(_windows[i], new ErrorBudget(target, decided, _breached[k]));
        }

        return new ComplianceReport(ImmutableArray.Create(results), _inFlight, _atRisk, _paused, _outside) { Unmatched = _unmatched, Unmeasured = _unmeasured };
    }

    private int LastStartAtOrBefore(Instant t)
    {
        int lo = 0, hi = _starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] <= t)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
