package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ManageAssociationsFunctionTest {

    private static final String PRODUCT_42 = "{\"type\":\"product\",\"id\":\"42\"}";

    @TempDir
    Path bucket;

    private final ObjectMapper json = new ObjectMapper();
    private CleanupWorld world;
    private Tokens tokens;
    private ManageAssociationsFunction function;
    private AssetId asset;

    @BeforeEach
    void setUp() {
        world = new CleanupWorld(bucket);
        tokens = new Tokens(world.clock, json);
        function = new ManageAssociationsFunction(world.associations, tokens.jwt(), "uploader", "admin", json);
        asset = world.asset(AssetStatus.READY, Duration.ofDays(40));
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    private HttpFunctionResponse call(String method, AssetId id, String role, String body) {
        return function.apply(Tokens.request(method, "/assets/" + id + "/associations",
                role == null ? null : tokens.bearer("someone", role), "application/json", body));
    }

    private JsonNode body(HttpFunctionResponse response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void anUploaderAddsAnAssociation_once_andSeesItListed() throws Exception {
        HttpFunctionResponse added = call("POST", asset, "uploader", PRODUCT_42);
        HttpFunctionResponse again = call("POST", asset, "uploader", PRODUCT_42);
        HttpFunctionResponse listed = call("GET", asset, "uploader", null);

        assertThat(added.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(body(listed).at("/owners/0/type").asText()).isEqualTo("product");
        assertThat(body(listed).at("/owners/0/id").asText()).isEqualTo("42");
        assertThat(body(listed).get("owners")).hasSize(1);
        assertThat(world.associations.ownersOf(asset)).containsExactly(new AssetAssociations.Owner("product", "42"));
    }

    @Test
    void anAssociatedAsset_survivesTheNightlyRun_andOnceTheAdminRemovesItsLastAssociation_itDoesNot() throws Exception {
        call("POST", asset, "uploader", PRODUCT_42);
        world.service().run(dev.mediapipeline.domain.cleanup.CleanupCommand.scheduled());
        assertThat(world.status(asset)).contains(AssetStatus.READY);

        HttpFunctionResponse uploaderRemoving = call("DELETE", asset, "uploader", PRODUCT_42);
        HttpFunctionResponse adminRemoving = call("DELETE", asset, "admin", PRODUCT_42);
        world.service().run(dev.mediapipeline.domain.cleanup.CleanupCommand.scheduled());

        assertThat(uploaderRemoving.status()).isEqualTo(403);
        assertThat(adminRemoving.status()).isEqualTo(200);
        assertThat(body(adminRemoving).get("removed").asBoolean()).isTrue();
        assertThat(world.status(asset)).contains(AssetStatus.DELETED);
    }

    @Test
    void addingToAnUnknownAssetIs404_andToADeletedOneIs409() {
        AssetId deleted = world.softDeleted(Duration.ofDays(1));

        assertThat(call("POST", AssetId.random(), "admin", PRODUCT_42).status()).isEqualTo(404);
        HttpFunctionResponse response = call("POST", deleted, "admin", PRODUCT_42);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.bodyText()).contains("asset-deleted");
        assertThat(world.associations.ownersOf(deleted)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"product\"}", "{\"id\":\"42\"}", "{\"type\":\"\",\"id\":\"42\"}", "\"product\"",
            "{\"type\":\"product\",\"id\":[42]}"})
    void aMalformedOwnerIs400(String owner) {
        assertThat(call("POST", asset, "admin", owner).status()).isEqualTo(400);
        assertThat(world.associations.ownersOf(asset)).isEmpty();
    }

    @Test
    void aPathWithoutAnAssetIdIs400_noTokenIs401_andOtherMethodsAre405() {
        assertThat(function.apply(Tokens.request("POST", "/assets/not-a-uuid/associations",
                tokens.bearer("someone", "admin"), "application/json", PRODUCT_42)).status()).isEqualTo(400);
        assertThat(call("POST", asset, null, PRODUCT_42).status()).isEqualTo(401);
        HttpFunctionResponse put = call("PUT", asset, "admin", PRODUCT_42);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.headers()).containsEntry("Allow", "GET, POST, DELETE");
    }

    @Test
    void aViewerCannotEvenList() {
        assertThat(call("GET", asset, "viewer", null).status()).isEqualTo(403);
    }
}
