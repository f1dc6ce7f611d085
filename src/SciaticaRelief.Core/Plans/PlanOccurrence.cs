namespace SciaticaRelief.Core.Plans;

/// <summary>One time a plan item happens.</summary>
/// <param name="Date">The local date it is planned for.</param>
/// <param name="StartUtc">The instant it starts.</param>
/// <param name="LocalStart">The local wall-clock start (the planned time, or later if shifted out of a gap).</param>
/// <param name="ShiftedForward">The planned time does not exist that day (clocks went forward) and was moved forward by the gap.</param>
/// <param name="Ambiguous">The planned time happens twice that day (clocks went back); this is the first.</param>
/// <param name="Paused">A triage result pauses this item (massage and home care while seeking care).</param>
public sealed record PlanOccurrence(
    PlanItem Item, DateOnly Date, DateTime StartUtc, DateTime LocalStart, bool ShiftedForward, bool Ambiguous, bool Paused)
{
    public DateTime EndUtc => StartUtc.AddMinutes(Item.DurationMinutes);
}

/// <summary>A daylight-saving note the plan shows beside an item.</summary>
public sealed record TimeNote(DateOnly Date, bool ShiftedForward, string Message);
