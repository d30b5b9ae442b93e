package dev.rustlens.web;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageException;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.trend.Portfolio;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** Every crate of every repository in one sortable, filterable table, riskiest first. */
@Path("/")
public class CratesPage {

    private final Portfolio portfolio;

    public CratesPage(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance crates(List<Portfolio.PortfolioCrate> crates, Portfolio.Filter filter,
                List<Choice> repositories, List<Grade> grades, List<RatingKind> ratings);
    }

    @GET
    @Path("crates")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance crates(@QueryParam("repository") String repository, @QueryParam("grade") String grade,
            @QueryParam("name") String name) {
        Portfolio.Filter filter;
        try {
            filter = Portfolio.Filter.parse(repository, grade, name);
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
        return Templates.crates(portfolio.crates(filter), filter,
                Choice.ofRepositories(GitRepository.namesByName(), filter.repositoryId()),
                Arrays.asList(Grade.values()), Arrays.asList(RatingKind.values()));
    }
}
