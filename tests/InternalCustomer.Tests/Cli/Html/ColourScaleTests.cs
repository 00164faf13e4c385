using InternalCustomer.Cli.Output.Html;

namespace InternalCustomer.Tests.Cli.Html;

/// <summary>The heat map's colour scale (<see cref="ColourScale"/>).</summary>
public class ColourScaleTests
{
    [Fact]
    public void The_scale_runs_from_red_at_0_through_yellow_at_a_half_to_green_at_1_and_clamps_outside()
    {
        // ColorBrewer RdYlGn: #d73027 (red), #fee08b (yellow), #1a9850 (green).
        Assert.Equal("#d73027", ColourScale.Of(0));
        Assert.Equal("#fee08b", ColourScale.Of(0.5));
        Assert.Equal("#1a9850", ColourScale.Of(1));
        Assert.Equal("#d73027", ColourScale.Of(-0.3));
        Assert.Equal("#1a9850", ColourScale.Of(1.7));

        // Halfway from red to yellow, each channel the mean, rounded half away from zero: (215+254)/2 = 234.5 → 235 = eb,
        // (48+224)/2 = 136 = 88, (39+139)/2 = 89 = 59.
        Assert.Equal("#eb8859", ColourScale.Of(0.25));
    }

    [Fact]
    public void Text_on_a_colour_is_black_on_light_and_white_on_dark()
    {
        Assert.Equal("#000000", ColourScale.TextOn("#ffffff"));
        Assert.Equal("#000000", ColourScale.TextOn(ColourScale.Middle));
        Assert.Equal("#ffffff", ColourScale.TextOn("#000000"));

        // #1a9850: relative luminance 0.2126·0.0103 + 0.7152·0.314 + 0.0722·0.0802 ≈ 0.233 > 0.179, so black.
        Assert.Equal("#000000", ColourScale.TextOn(ColourScale.High));
    }

    [Fact]
    public void Not_a_number_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ColourScale.Of(double.NaN));
        Assert.Equal("share", e.ParamName);
        Assert.StartsWith("Expected a share in [0, 1]; got NaN.", e.Message);
    }
}
