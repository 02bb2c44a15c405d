package th.go.municipal.publication.audit;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredFormRepository extends JpaRepository<StoredForm, String> {}
