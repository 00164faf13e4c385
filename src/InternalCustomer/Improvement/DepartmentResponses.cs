using System.Globalization;

namespace InternalCustomer.Improvement;

/// <summary>
/// The response counts of one department over the invited relationships it takes part in, as consumer
/// (<see cref="CampaignSummary.ByConsumer"/>) or as provider (<see cref="CampaignSummary.ByProvider"/>).
/// </summary>
/// <remarks>Only invited relationships count; each contributes <c>min(responses, invited)</c> to
/// <see cref="Answered"/>. Equality is component-wise.</remarks>
public sealed record DepartmentResponses
{
    internal DepartmentResponses(DepartmentId department, long invitations, long invited, long answered, long responses)
    {
        Department = department;
        Invitations = invitations;
        Invited = invited;
        Answered = answered;
        Responses = responses;
    }

    /// <summary>Gets the department.</summary>
    public DepartmentId Department { get; }

    /// <summary>Gets the number of invited relationships the department takes part in.</summary>
    public long Invitations { get; }

    /// <summary>Gets the number of people invited over those relationships (at least 1).</summary>
    public long Invited { get; }

    /// <summary>Gets the responses that answer an invitation: the sum of <c>min(responses, invited)</c> over the
    /// relationships.</summary>
    public long Answered { get; }

    /// <summary>Gets all responses of those relationships in the window, extra ones included.</summary>
    public long Responses { get; }

    /// <summary>Gets the response rate, <c>Answered / Invited</c>, in [0, 1].</summary>
    public double ResponseRate => (double)Answered / Invited;

    /// <summary>Returns the counts as text, for example <c>finance: 3 of 4 answered</c>.</summary>
    /// <returns>The department and its counts.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Department}: {Answered} of {Invited} answered over {Invitations} invitations");
}
