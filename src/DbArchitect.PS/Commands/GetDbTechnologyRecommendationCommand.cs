using System.Globalization;
using System.Management.Automation;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;

namespace DbArchitect.PS.Commands;

/// <summary>
/// Ranks every engine the requirements format knows against a requirement, best first, with the reasons for each score
/// and the architecture each would lead (its Parts: the stores beside it that serve part of the workload much better).
/// </summary>
[Cmdlet(VerbsCommon.Get, "DbTechnologyRecommendation", HelpUri = HelpUriBase + "Get-DbTechnologyRecommendation.psd1", DefaultParameterSetName = RequirementSet)]
[OutputType(typeof(TechnologyRecommendation))]
public sealed class GetDbTechnologyRecommendationCommand : DbArchitectCmdlet
{
    private const string RequirementSet = "Requirement";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = RequirementSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DbRequirement? Requirement { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; } = int.MaxValue;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == RequirementSet)
        {
            Rank(Requirement!, Requirement!.SourcePath);
            return;
        }

        foreach (var (requirement, file) in ReadRequirements(Path))
        {
            Rank(requirement, file);
        }
    }

    private void Rank(DbRequirement requirement, string target)
    {
        if (TryCore(() => TechnologyScoring.Rank(requirement), target, Subjects.Design, out var ranking))
        {
            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture, "Scored {0} engines for {1}; best {2} ({3} points).",
                ranking.Count, requirement.Name, ranking.Count > 0 ? ranking[0].Engine : "none", ranking.Count > 0 ? ranking[0].Score : 0));
            WriteVerbose("Architecture of the best fit: " + (ranking.Count > 0 ? ranking[0].Architecture : "none") + ".");
            foreach (var recommendation in ranking.Take(Top))
            {
                WriteObject(recommendation);
            }
        }
    }
}
