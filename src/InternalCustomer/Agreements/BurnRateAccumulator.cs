using System.Collections.Immutable;
using NodaTime;

namespace InternalCustomer.Agreements;

/// <summary>Counts decided outcomes into the look-backs of a burn-rate policy without allocating per outcome.</summary>
internal sealed class BurnRateAccumulator
{
    private readonly BurnRateAlertPolicy _policy;
    private readonly double _target;
    private readonly Instant _asOf;
    private readonly Instant[] _from;
    private readonly long[] _decided;
    private readonly long[] _breached;
    private double[]? _allowance; // per look-back: the sum of (1 - target) over its decided requests, once targets differ

    internal BurnRateAccumulator(BurnRateAlertPolicy policy, double target, Instant asOf)
    {
        _policy = policy;
        _target = ObjectiveGuard.Target(target, nameof(target));
        _asOf = asOf;

        // Look-back k of rule r: 2r is the long window, 2r + 1 the short one.
        _from = new Instant[policy.Rules.Length * 2];
        for (var r = 0; r < policy.Rules.Length; r++)
        {
            _from[2 * r] = asOf - policy.Rules[r].LongWindow;
            _from[(2 * r) + 1] = asOf - policy.Rules[r].ShortWindow;
        }

        _decided = new long[_from.Length];
        _breached = new long[_from.Length];
    }

    internal void Add(SlaState state, Instant decidedAt) => Add(state, decidedAt, _target);

    /// <summary>Counts one outcome measured against its own target: each look-back's budget is the sum of its requests' budgets.</summary>
    internal void Add(SlaState state, Instant decidedAt, double target)
    {
        if (state is not (SlaState.Met or SlaState.Breached) || decidedAt >= _asOf)
        {
            return;
        }

        if (_allowance is null && target != _target)
        {
            _allowance = new double[_from.Length];
            for (var k = 0; k < _allowance.Length; k++)
            {
                _allowance[k] = (1 - _target) * _decided[k];
            }
        }

        var breached = state == SlaState.Breached ? 1 : 0;
        for (var k = 0; k < _from.Length; k++)
        {
            if (decidedAt >= _from[k])
            {
                _decided[k]++;
                _breached[k] += breached;
                if (_allowance is not null)
                {
                    _allowance[k] += 1 - target;
                }
            }
        }
    }

    private double TargetOf(int k) =>
        ObjectiveGuard.PooledTarget(_target, _allowance, k, _decided[k]);

    internal ImmutableArray<BurnRateAlert> ToAlerts()
    {
        var builder = ImmutableArray.CreateBuilder<BurnRateAlert>(_policy.Rules.Length);
        for (var r = 0; r < _policy.Rules.Length; r++)
        {
            builder.Add(new BurnRateAlert(
                _policy.Rules[r],
                new ErrorBudget(TargetOf(2 * r), _decided[2 * r], _breached[2 * r]),
                new ErrorBudget(TargetOf((2 * r) + 1), _decided[(2 * r) + 1], _breached[(2 * r) + 1])));
        }

        return builder.MoveToImmutable();
    }
}
