using System.Collections.Frozen;
using System.Globalization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SciaticaRelief.Core.PointCharts;

/// <summary>
/// The point charts' data: every point of <c>content/points/*.yaml</c> with its chart coordinates,
/// the points avoided in pregnancy, and the L4/L5/S1 areas. Built once at start from the files'
/// text (Core does no I/O), like the <see cref="ModalityCatalog"/>; every problem is reported with
/// its file and line (an unknown chart, a point outside its chart, an id used twice...).
/// </summary>
public sealed class PointCatalog
{
    private readonly FrozenDictionary<string, AcuPoint> _byId;

    private PointCatalog(IReadOnlyList<AcuPoint> points, PregnancyRule pregnancy, IReadOnlyList<Dermatome> dermatomes)
    {
        All = points;
        Pregnancy = pregnancy;
        Dermatomes = dermatomes;
        _byId = points.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>Every point, body points first in their files' order (from the back down the leg).</summary>
    public IReadOnlyList<AcuPoint> All { get; }

    public IEnumerable<AcuPoint> Body => All.Where(p => p.Group == PointGroup.Body);

    public IEnumerable<AcuPoint> Ear => All.Where(p => p.Group == PointGroup.Ear);

    public IEnumerable<AcuPoint> OnChart(ChartKind chart) => All.Where(p => p.Position.Chart == chart);

    public PregnancyRule Pregnancy { get; }

    public IReadOnlyList<Dermatome> Dermatomes { get; }

    public AcuPoint? Find(string? id) => id is not null && _byId.TryGetValue(id, out var p) ? p : null;

    /// <summary>The reason a point hidden in pregnancy gives (its source is the list's, <see cref="PregnancyRule.Source"/>).</summary>
    public const string PregnancyReason = "Not in pregnancy: this point is traditionally avoided while pregnant.";

    /// <summary>
    /// The charts for a Person: every point whose verdict (<see cref="Safety.CareSafety.ForPoint"/>)
    /// is not refused, with its precautions, and the refused ones as hidden with their reasons.
    /// </summary>
    public PointChart ForConditions(HealthCondition conditions) => PointChart.Of(All, conditions);

    /// <summary>Reads every file; problems are reported together, each naming its file and line.</summary>
    public static (PointCatalog? Catalog, IReadOnlyList<string> Errors) Read(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var reader = new Reader();
        foreach (var file in files.OrderBy(f => GroupOrder(f.Name)).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            reader.ReadFile(file);
        }
        return reader.Finish();
    }

    /// <summary>Reads the catalogue or throws one exception listing every problem.</summary>
    public static PointCatalog Load(IEnumerable<ContentFile> files)
    {
        var (catalog, errors) = Read(files);
        return catalog ?? throw new ContentException("The point charts could not be loaded:\n  " + string.Join("\n  ", errors));
    }

    // Body points come before ear points whatever the files are called.
    private static int GroupOrder(string name) => name.Contains("ear", StringComparison.Ordinal) ? 1 : 0;

    private sealed class Reader
    {
        private readonly List<string> _errors = [];
        private readonly List<AcuPoint> _points = [];
        private readonly Dictionary<string, string> _firstAt = new(StringComparer.Ordinal);
        private readonly List<Dermatome> _dermatomes = [];
        private PregnancyRule? _pregnancy;
        private string? _pregnancyAt;

        public void ReadFile(ContentFile file)
        {
            YamlMappingNode? root;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(file.Text));
                root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
            }
            catch (YamlException e)
            {
                _errors.Add($"{file.Name}: line {e.Start.Line}: not valid YAML ({e.InnerException?.Message ?? e.Message}).");
                return;
            }
            if (root is null)
            {
                _errors.Add($"{file.Name}: the file is empty or is not a mapping of keys.");
                return;
            }
            var system = Text(root, "system");
            var group = Text(root, "group");
            var fileRules = Child(root, "contraindications") is { } rulesNode ? ReadRules(file.Name, rulesNode) : [];
            if (Child(root, "points") is { } points)
            {
                var g = PointGroup.Body;
                if (group is null || !TryGroup(group, out g))
                {
                    _errors.Add($"{file.Name}: line {Line(root)}: \"group\" must be body or ear for a file with points.");
                }
                if (string.IsNullOrWhiteSpace(system))
                {
                    _errors.Add($"{file.Name}: line {Line(root)}: \"system\" is missing: name the location system the points follow (one system for the ear: GB/T 13734-2008).");
                }
                else if (g == PointGroup.Ear && !system.Contains("GB/T 13734-2008", StringComparison.Ordinal))
                {
                    _errors.Add($"{file.Name}: line {Line(root)}: ear points follow one system, GB/T 13734-2008; \"system\" must say so.");
                }
                if (points is not YamlSequenceNode list)
                {
                    _errors.Add($"{file.Name}: line {Line(points)}: \"points\" must be a list.");
                }
                else
                {
                    foreach (var node in list)
                    {
                        ReadPoint(file.Name, node, g, system ?? "", fileRules);
                    }
                }
            }
            if (Child(root, "forbidden_in_pregnancy") is { } forbidden)
            {
                ReadPregnancy(file.Name, forbidden);
            }
            if (Child(root, "dermatomes") is { } dermatomes)
            {
                ReadDermatomes(file.Name, dermatomes);
            }
        }

        public (PointCatalog?, IReadOnlyList<string>) Finish()
        {
            if (_pregnancy is null)
            {
                _errors.Add("content/points: no file has \"forbidden_in_pregnancy\"; the points avoided in pregnancy must be data.");
            }
            else
            {
                foreach (var p in _points.Where(p => _pregnancy.Ids.Contains(p.Id, StringComparer.Ordinal) && !p.HiddenInPregnancy))
                {
                    _errors.Add($"{_firstAt[p.Id]}: {p.Id} is on the list of points avoided in pregnancy ({_pregnancyAt}): say \"hidden_in_pregnancy: true\".");
                }
            }
            if (_points.Count == 0 && _errors.Count == 0)
            {
                _errors.Add("content/points: no points were found.");
            }
            if (_errors.Count > 0)
            {
                return (null, _errors);
            }
            var pregnancy = _pregnancy!;
            var points = _points
                .Select(p => p.HiddenInPregnancy || pregnancy.Ids.Contains(p.Id, StringComparer.Ordinal)
                    ? p with { Contraindications = [.. p.Contraindications, new ContraindicationRule(HealthCondition.Pregnancy, RuleAction.Avoid, PregnancyReason, pregnancy.Source)] }
                    : p)
                .ToList();
            return (new PointCatalog(points, pregnancy, _dermatomes), _errors);
        }

        private void ReadPoint(string file, YamlNode node, PointGroup group, string system, IReadOnlyList<ContraindicationRule> fileRules)
        {
            var at = $"{file}: line {Line(node)}";
            if (node is not YamlMappingNode map)
            {
                _errors.Add($"{at}: each point must be a mapping of keys.");
                return;
            }
            var before = _errors.Count;
            var id = Text(map, "id");
            if (!ContentIds.IsValid(id))
            {
                _errors.Add($"{at}: \"id\" must be a kebab-case id such as bl23.");
            }
            else
            {
                at = $"{file}: line {Line(node)} ({id})";
                if (_firstAt.TryGetValue(id, out var first))
                {
                    _errors.Add($"{at}: the id \"{id}\" is already used at {first}; every point needs its own id.");
                }
                else
                {
                    _firstAt[id] = $"{file}: line {Line(node)}";
                }
            }
            var code = Required(map, "code", at);
            var name = Required(map, "name", at);
            var where = Required(map, "where", at);
            var source = Required(map, "source", at);
            var pressure = PointPressure.Moderate;
            var pressureText = Required(map, "pressure", at);
            if (pressureText is not null && !TryPressure(pressureText, out pressure))
            {
                _errors.Add($"{file}: line {Line(Child(map, "pressure")!)}: unknown pressure \"{pressureText}\"; use light, moderate or firm.");
            }
            var (holdMin, holdMax) = (0, 0);
            if (Child(map, "hold_seconds") is YamlSequenceNode { Children.Count: 2 } hold
                && Int(hold[0]) is { } lo && Int(hold[1]) is { } hi && lo >= 10 && hi >= lo && hi <= 600)
            {
                (holdMin, holdMax) = (lo, hi);
            }
            else
            {
                _errors.Add($"{at}: \"hold_seconds\" must be [least, most] seconds between 10 and 600, such as [60, 180].");
            }
            var cautions = new List<string>();
            if (Child(map, "cautions") is { } c)
            {
                if (c is YamlSequenceNode seq && seq.All(x => x is YamlScalarNode))
                {
                    cautions.AddRange(seq.Cast<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0));
                }
                else
                {
                    _errors.Add($"{file}: line {Line(c)}: \"cautions\" must be a list of sentences.");
                }
            }
            var hidden = Bool(map, "hidden_in_pregnancy", at) ?? false;
            var (mark, needsReview) = ReadMark(map, at);
            var position = ReadPosition(file, map, at);
            BodyRegion? region = null;
            var regionText = Text(map, "region");
            if (regionText is not null)
            {
                if (BodyMap.TryParse(regionText, out var r))
                {
                    region = r;
                }
                else
                {
                    _errors.Add($"{file}: line {Line(Child(map, "region")!)}: unknown body-map region \"{regionText}\"; use one of {string.Join(", ", BodyMap.Regions.Select(BodyMap.WireName))}.");
                }
            }
            else if (group == PointGroup.Body)
            {
                // A rule limited to a part of the body ("the leg" with a suspected clot) needs to know where each point lies.
                _errors.Add($"{at}: \"region\" is missing: give the body-map region the point lies in ({string.Join(", ", BodyMap.Regions.Select(BodyMap.WireName))}).");
            }
            var ownRules = Child(map, "contraindications") is { } rulesNode ? ReadRules(file, rulesNode) : [];
            if (_errors.Count == before)
            {
                _points.Add(new AcuPoint(id!, code!, name!, group, where!, pressure, holdMin, holdMax, cautions, hidden, source!, mark, needsReview, system, position!)
                {
                    Region = region,
                    Contraindications = [.. fileRules, .. ownRules],
                });
            }
        }

        private ChartPosition? ReadPosition(string file, YamlMappingNode map, string at)
        {
            if (Child(map, "chart") is not YamlMappingNode chart)
            {
                _errors.Add($"{at}: \"chart\" is missing: give {{chart: back | leg-side | ear, x, y}}.");
                return null;
            }
            var chartAt = $"{file}: line {Line(chart)}";
            var name = Text(chart, "chart");
            if (!Charts.TryParse(name, out var size))
            {
                _errors.Add($"{chartAt}: unknown chart \"{name}\"; use one of {string.Join(", ", Charts.All.Select(c => c.WireName))}.");
                return null;
            }
            var x = Decimal(Child(chart, "x"));
            var y = Decimal(Child(chart, "y"));
            if (x is null || y is null)
            {
                _errors.Add($"{chartAt}: \"x\" and \"y\" must be numbers.");
                return null;
            }
            if (x < 0 || x > size.Width || y < 0 || y > size.Height)
            {
                _errors.Add($"{chartAt}: ({x}, {y}) is outside the {size.WireName} chart (0-{size.Width} across, 0-{size.Height} down).");
                return null;
            }
            var label = LabelSide.Right;
            if (Text(chart, "label") is { } side && !Enum.TryParse(side, ignoreCase: true, out label))
            {
                _errors.Add($"{chartAt}: unknown label side \"{side}\"; use right, left, above or below.");
                return null;
            }
            return new ChartPosition(size.Kind, x.Value, y.Value, label);
        }

        private (string Mark, bool NeedsReview) ReadMark(YamlMappingNode map, string at)
        {
            var mark = Text(map, "mark")?.Trim();
            if (mark is not ("P" or "V" or "U"))
            {
                _errors.Add($"{at}: \"mark\" must be CLINICAL.md's mark of the fact: P, V or U.");
            }
            var review = Text(map, "review");
            var reviewedBy = Text(map, "reviewed_by");
            if (review is not null && !string.Equals(review, "needed", StringComparison.Ordinal))
            {
                _errors.Add($"{at}: \"review\" can only be \"needed\".");
            }
            var needsReview = review is not null;
            if (mark == "U" && !needsReview && string.IsNullOrWhiteSpace(reviewedBy))
            {
                _errors.Add($"{at}: a fact marked U needs \"review: needed\" until a clinician signs it off (\"reviewed_by:\").");
            }
            return (mark ?? "", needsReview);
        }

        private void ReadPregnancy(string file, YamlNode node)
        {
            var at = $"{file}: line {Line(node)}";
            if (_pregnancy is not null)
            {
                _errors.Add($"{at}: \"forbidden_in_pregnancy\" is already given in {_pregnancyAt}; keep one list.");
                return;
            }
            if (node is not YamlMappingNode map || Child(map, "ids") is not YamlSequenceNode ids || ids.Children.Count == 0)
            {
                _errors.Add($"{at}: \"forbidden_in_pregnancy\" needs \"ids\", a list of point ids, and a \"source\".");
                return;
            }
            var list = ids.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").ToList();
            if (list.Count != ids.Children.Count || list.Any(i => !ContentIds.IsValid(i)))
            {
                _errors.Add($"{file}: line {Line(ids)}: every id of \"forbidden_in_pregnancy\" must be a kebab-case point id such as li4.");
            }
            var source = Required(map, "source", at);
            var needsReview = string.Equals(Text(map, "review"), "needed", StringComparison.Ordinal);
            if (!needsReview && Text(map, "reviewed_by") is null)
            {
                _errors.Add($"{at}: the list of points avoided in pregnancy needs \"review: needed\" until a clinician signs it off.");
            }
            _pregnancy = new PregnancyRule(list, source ?? "", needsReview);
            _pregnancyAt = at;
        }

        private void ReadDermatomes(string file, YamlNode node)
        {
            if (node is not YamlSequenceNode list)
            {
                _errors.Add($"{file}: line {Line(node)}: \"dermatomes\" must be a list.");
                return;
            }
            foreach (var item in list)
            {
                var at = $"{file}: line {Line(item)}";
                if (item is not YamlMappingNode map)
                {
                    _errors.Add($"{at}: each dermatome must be a mapping of keys.");
                    continue;
                }
                var before = _errors.Count;
                var root = Required(map, "root", at);
                var where = Required(map, "where", at);
                var source = Required(map, "source", at);
                var regions = new List<BodyRegion>();
                if (Child(map, "regions") is YamlSequenceNode rs && rs.Children.Count > 0)
                {
                    foreach (var r in rs)
                    {
                        var wire = (r as YamlScalarNode)?.Value;
                        if (!BodyMap.TryParse(wire, out var region))
                        {
                            _errors.Add($"{file}: line {Line(r)}: unknown body-map region \"{wire}\"; use one of {string.Join(", ", BodyMap.Regions.Select(BodyMap.WireName))}.");
                        }
                        else
                        {
                            regions.Add(region);
                        }
                    }
                }
                else
                {
                    _errors.Add($"{at}: \"regions\" must list the body-map regions the area covers.");
                }
                var (_, needsReview) = ReadMark(map, at);
                if (_errors.Count == before)
                {
                    _dermatomes.Add(new Dermatome(root!, where!, regions, source!, needsReview));
                }
            }
        }

        /// <summary>
        /// "contraindications": rules as in a modality's front matter (condition, action, reason,
        /// source, optional where and areas) and, for points, "pressure: light" (or moderate): the
        /// firmest pressure while the rule applies.
        /// </summary>
        private List<ContraindicationRule> ReadRules(string file, YamlNode node)
        {
            var result = new List<ContraindicationRule>();
            if (node is not YamlSequenceNode list)
            {
                _errors.Add($"{file}: line {Line(node)}: \"contraindications\" must be a list of rules.");
                return result;
            }
            var conditions = string.Join(", ", HealthConditions.All.Select(c => c.Id));
            foreach (var item in list)
            {
                var at = $"{file}: line {Line(item)}";
                if (item is not YamlMappingNode rule)
                {
                    _errors.Add($"{at}: every contraindication must be a mapping with condition, action, reason and source.");
                    continue;
                }
                var before = _errors.Count;
                var conditionText = Required(rule, "condition", at);
                var condition = HealthCondition.None;
                if (conditionText is not null && !HealthConditions.TryParse(conditionText, out condition))
                {
                    _errors.Add($"{at}: unknown condition \"{conditionText}\"; use one of {conditions}.");
                }
                var actionText = Required(rule, "action", at);
                var action = actionText == "avoid" ? RuleAction.Avoid : RuleAction.Caution;
                if (actionText is not null and not ("avoid" or "caution"))
                {
                    _errors.Add($"{at}: unknown action \"{actionText}\"; use avoid or caution.");
                }
                var reason = Required(rule, "reason", at);
                var source = Required(rule, "source", at);
                var where = Text(rule, "where")?.Trim();
                var areas = new List<BodyRegion>();
                if (Child(rule, "areas") is { } areasNode)
                {
                    if (areasNode is YamlSequenceNode seq && seq.Children.Count > 0)
                    {
                        foreach (var a in seq)
                        {
                            if (BodyMap.TryParse((a as YamlScalarNode)?.Value, out var region))
                            {
                                areas.Add(region);
                            }
                            else
                            {
                                _errors.Add($"{file}: line {Line(a)}: unknown body-map region in \"areas\"; use {string.Join(", ", BodyMap.Regions.Select(BodyMap.WireName))}.");
                            }
                        }
                    }
                    else
                    {
                        _errors.Add($"{file}: line {Line(areasNode)}: \"areas\" must be a list of body-map regions.");
                    }
                    if (string.IsNullOrWhiteSpace(where))
                    {
                        _errors.Add($"{at}: \"areas\" needs \"where\" beside it: the words a Person reads for that place (\"the leg\").");
                    }
                }
                PointPressure? maxPressure = null;
                if (Text(rule, "pressure") is { } pressureText)
                {
                    if (TryPressure(pressureText, out var p))
                    {
                        maxPressure = p;
                    }
                    else
                    {
                        _errors.Add($"{at}: unknown pressure \"{pressureText}\"; use light, moderate or firm.");
                    }
                }
                if (_errors.Count == before)
                {
                    result.Add(new ContraindicationRule(condition, action, reason!, source!, string.IsNullOrWhiteSpace(where) ? null : where)
                    {
                        Areas = areas.Count == 0 ? null : areas,
                        MaxPressure = maxPressure,
                    });
                }
            }
            return result;
        }

        private string? Required(YamlMappingNode map, string key, string at)
        {
            var value = Text(map, key);
            if (string.IsNullOrWhiteSpace(value))
            {
                _errors.Add($"{at}: \"{key}\" is missing.");
                return null;
            }
            return value.Trim();
        }

        private bool? Bool(YamlMappingNode map, string key, string at)
        {
            var value = Text(map, key);
            if (value is null)
            {
                return null;
            }
            if (value is "true" or "false")
            {
                return value == "true";
            }
            _errors.Add($"{at}: \"{key}\" must be true or false.");
            return null;
        }
    }

    private static bool TryGroup(string text, out PointGroup group)
    {
        group = text == "ear" ? PointGroup.Ear : PointGroup.Body;
        return text is "body" or "ear";
    }

    private static bool TryPressure(string text, out PointPressure pressure)
    {
        pressure = text switch
        {
            "light" => PointPressure.Light,
            "firm" => PointPressure.Firm,
            _ => PointPressure.Moderate,
        };
        return text is "light" or "moderate" or "firm";
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static int? Int(YamlNode node) =>
        node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static decimal? Decimal(YamlNode? node) =>
        node is YamlScalarNode s && decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static long Line(YamlNode node) => node.Start.Line;
}
