using InternalCustomer.Organizations;
using InternalCustomer.Scorecards;
using Microsoft.Extensions.DependencyInjection;

namespace InternalCustomer.Orleans;

/// <summary>Configures a silo to host the scorecard roll-up's grains.</summary>
public static class ScorecardSiloBuilderExtensions
{
    /// <summary>Registers the organisation and options the grains accumulate under (<see cref="ScorecardModel"/>). The
    /// silo also needs a grain storage provider named <see cref="ScorecardStorage.ProviderName"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="organization">The organisation; equal on every silo.</param>
    /// <param name="options">The scorecard options; equal on every silo.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The options name agreements, departments or relationships the organisation lacks.</exception>
    public static ISiloBuilder AddScorecardRollup(this ISiloBuilder builder, Organization organization, ScorecardOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var model = new ScorecardModel(organization, options);
        builder.Services.AddSingleton(model);
        return builder;
    }
}
