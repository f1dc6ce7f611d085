using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// Reads a FHIR R4 Questionnaire (JSON) into Core's <see cref="QuestionnaireDefinition"/>. Firely's
/// classes stay in here: they are wire types. Groups are flattened (their items keep their order);
/// choice options take their points from the ordinalValue extension (on the option or its coding)
/// or the R5 itemWeight extension; integer items take minValue/maxValue.
/// </summary>
public static class FhirQuestionnaireReader
{
    public const string OrdinalValueUrl = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public const string ItemWeightUrl = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    public const string MinValueUrl = "http://hl7.org/fhir/StructureDefinition/minValue";
    public const string MaxValueUrl = "http://hl7.org/fhir/StructureDefinition/maxValue";

    public static (QuestionnaireDefinition? Questionnaire, IReadOnlyList<string> Errors) Read(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        Resource parsed;
        try
        {
            // A deserializer per file: files are read once at start, and nothing is shared between app instances in tests.
            parsed = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Resource>(json);
        }
        catch (DeserializationFailedException e)
        {
            errors.AddRange(e.Exceptions.Take(5).Select(x => $"{fileName}: not a valid FHIR R4 Questionnaire: {x.Message}"));
            if (errors.Count == 0)
            {
                errors.Add($"{fileName}: not a valid FHIR R4 Questionnaire: {e.Message}");
            }
            return (null, errors);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            errors.Add($"{fileName}: not a valid FHIR R4 Questionnaire: {e.Message}");
            return (null, errors);
        }

        if (parsed is not Questionnaire resource)
        {
            errors.Add($"{fileName}: not a valid FHIR R4 Questionnaire: it is a {parsed.TypeName}.");
            return (null, errors);
        }
        if (string.IsNullOrWhiteSpace(resource.Id))
        {
            errors.Add($"{fileName}: the Questionnaire has no id.");
        }
        var items = new List<InstrumentItem>();
        Flatten(resource.Item, items, fileName, errors);
        if (items.Count == 0)
        {
            errors.Add($"{fileName}: the Questionnaire has no items.");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var code = resource.Code.FirstOrDefault();
        return (new QuestionnaireDefinition(
            resource.Id!,
            resource.Url,
            string.IsNullOrWhiteSpace(resource.Version) ? "1" : resource.Version,
            resource.Title ?? resource.Name ?? resource.Id!,
            resource.Description,
            resource.Copyright,
            code is null ? null : new Coded(code.System ?? "", code.Code ?? "", code.Display),
            items), errors);
    }

    private static void Flatten(List<Questionnaire.ItemComponent> source, List<InstrumentItem> into, string fileName, List<string> errors)
    {
        foreach (var item in source)
        {
            var linkId = item.LinkId;
            if (string.IsNullOrWhiteSpace(linkId))
            {
                errors.Add($"{fileName}: an item has no linkId.");
                continue;
            }
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                Flatten(item.Item, into, fileName, errors);
                continue;
            }
            if (item.Item.Count > 0)
            {
                errors.Add($"{fileName}: item '{linkId}' has items inside it; only groups may nest items here.");
            }
            ItemKind? kind = item.Type switch
            {
                Questionnaire.QuestionnaireItemType.Display => ItemKind.Display,
                Questionnaire.QuestionnaireItemType.Choice => ItemKind.Choice,
                Questionnaire.QuestionnaireItemType.Integer => ItemKind.Integer,
                Questionnaire.QuestionnaireItemType.Boolean => ItemKind.Boolean,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add($"{fileName}: item '{linkId}' has type '{item.TypeElement?.JsonValue ?? "none"}'; an instrument here uses choice, integer, boolean, display and group items.");
                continue;
            }
            if (kind != ItemKind.Display && string.IsNullOrWhiteSpace(item.Text))
            {
                errors.Add($"{fileName}: item '{linkId}' has no text.");
            }
            if (item.Repeats == true)
            {
                errors.Add($"{fileName}: item '{linkId}' repeats; every item here takes one answer.");
            }
            var options = new List<AnswerOption>();
            foreach (var option in item.AnswerOption)
            {
                if (ToOption(option) is { } o)
                {
                    options.Add(o);
                }
                else
                {
                    errors.Add($"{fileName}: item '{linkId}' has an answer option without a code (use valueCoding, valueInteger or valueString).");
                }
            }
            var coding = item.Code.FirstOrDefault();
            into.Add(new InstrumentItem(
                linkId,
                item.Text ?? "",
                kind.Value,
                item.Required ?? false,
                options,
                IntegerExtension(item, MinValueUrl),
                IntegerExtension(item, MaxValueUrl),
                coding is null ? null : new Coded(coding.System ?? "", coding.Code ?? "", coding.Display)));
        }
    }

    private static AnswerOption? ToOption(Questionnaire.AnswerOptionComponent option)
    {
        var weight = DecimalExtension(option, OrdinalValueUrl) ?? DecimalExtension(option, ItemWeightUrl);
        return option.Value switch
        {
            Coding c when !string.IsNullOrWhiteSpace(c.Code) =>
                new AnswerOption(c.Code, c.Display ?? c.Code, weight ?? DecimalExtension(c, OrdinalValueUrl) ?? DecimalExtension(c, ItemWeightUrl), c.System),
            Integer i when i.Value is { } v =>
                new AnswerOption(v.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture), weight),
            FhirString s when !string.IsNullOrWhiteSpace(s.Value) => new AnswerOption(s.Value, s.Value, weight),
            _ => null,
        };
    }

    private static decimal? DecimalExtension(Element element, string url) =>
        element.Extension.FirstOrDefault(e => e.Url == url)?.Value switch
        {
            FhirDecimal d => d.Value,
            Integer i => i.Value,
            _ => null,
        };

    private static int? IntegerExtension(Element element, string url) =>
        element.Extension.FirstOrDefault(e => e.Url == url)?.Value is Integer { Value: { } v } ? v : null;
}
