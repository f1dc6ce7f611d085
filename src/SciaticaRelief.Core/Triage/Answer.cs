using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Triage;

/// <summary>An answer to a red-flag question. Unsure counts as yes: triage errs toward care.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Answer>))]
public enum Answer
{
    [JsonStringEnumMemberName("no")] No = 0,
    [JsonStringEnumMemberName("yes")] Yes = 1,
    [JsonStringEnumMemberName("unsure")] Unsure = 2,
}

public static class AnswerExtensions
{
    public static bool CountsAsYes(this Answer answer) => answer switch
    {
        Answer.Yes => true,
        Answer.Unsure => true,
        Answer.No => false,
    };
}
