"""The Neo4j test server is a real Neo4j: Bolt, auth, write transactions."""

import uuid

import pytest
from neo4j import GraphDatabase


@pytest.mark.neo4j
def test_real_server_write_read_delete(neo4j_server):
    marker = f"govkg-test-{uuid.uuid4()}"
    auth = (neo4j_server["user"], neo4j_server["password"])
    with GraphDatabase.driver(neo4j_server["uri"], auth=auth) as driver:
        driver.verify_connectivity()
        with driver.session() as session:
            created = session.execute_write(
                lambda tx: tx.run("CREATE (n:GovkgServerCheck {marker: $m, name: '测试'}) "
                                  "RETURN elementId(n) AS id", m=marker).single()["id"])
            assert created

            found = session.execute_read(
                lambda tx: tx.run("MATCH (n:GovkgServerCheck {marker: $m}) RETURN n.name AS name",
                                  m=marker).data())
            assert found == [{"name": "测试"}]

            deleted = session.execute_write(
                lambda tx: tx.run("MATCH (n:GovkgServerCheck {marker: $m}) DELETE n RETURN count(*) AS c",
                                  m=marker).single()["c"])
            assert deleted == 1
            left = session.execute_read(
                lambda tx: tx.run("MATCH (n:GovkgServerCheck {marker: $m}) RETURN count(n) AS c",
                                  m=marker).single()["c"])
            assert left == 0

        components = driver.execute_query("CALL dbms.components() YIELD name, versions, edition "
                                          "RETURN name, versions, edition").records
        assert components[0]["name"] == "Neo4j Kernel"
        assert components[0]["versions"][0].startswith("5.26.")


@pytest.mark.neo4j
def test_wrong_password_is_refused(neo4j_server):
    from neo4j.exceptions import AuthError

    if not neo4j_server["password"]:
        pytest.skip("the server under test has auth disabled")
    with GraphDatabase.driver(neo4j_server["uri"], auth=(neo4j_server["user"], "wrong-password")) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()
