namespace InternalCustomer.Improvement;

/// <summary>Where an <see cref="ImprovementAction"/> stands.</summary>
public enum ImprovementStatus
{
    /// <summary>Agreed but not begun; it has no completion date.</summary>
    Planned = 1,

    /// <summary>Under way; it has no completion date.</summary>
    InProgress = 2,

    /// <summary>Done on its completion date, which it must have; its effect can be measured.</summary>
    Completed = 3,

    /// <summary>Given up; it may record the date it was given up as its completion date.</summary>
    Abandoned = 4,
}
