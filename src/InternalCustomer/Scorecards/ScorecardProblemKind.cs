namespace InternalCustomer.Scorecards;

/// <summary>What is wrong with an input of <see cref="Scorecard.Compute"/>.</summary>
public enum ScorecardProblemKind
{
    /// <summary>The options' as-of instant is before the organisation's data begins (<see cref="Scorecard.DataBegins"/>); the reference is that instant.</summary>
    AsOfBeforeData = 1,

    /// <summary>A request names an agreement the organisation does not have; the reference is the agreement id.</summary>
    UnknownAgreement,

    /// <summary>A response names a respondent or subject that is not a department of the organisation; the reference is the department id.</summary>
    UnknownDepartment,

    /// <summary>A response rates on another overall scale than the options'; the reference is the response's scale.</summary>
    OtherScale,

    /// <summary>The options' last reviews name an agreement the organisation does not have; the reference is the agreement id.</summary>
    UnknownReviewedAgreement,
}
